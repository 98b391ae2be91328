import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { fromIoredis, type RedisClientInput } from '../src/index.js';

export type ClientKind = 'node-redis' | 'ioredis';
export const clientKinds: ClientKind[] = ['node-redis', 'ioredis'];

export interface TestClient {
  redis: RedisClientInput;
  /** Plain commands for assertions. */
  pttl(key: string): Promise<number>;
  keys(pattern: string): Promise<string[]>;
  /** Any command, e.g. `['HSET', key, field, value]`. */
  command(args: string[]): Promise<unknown>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A connected client of either kind. `offlineQueue: false` (what the README recommends) makes
 * commands fail at once while disconnected instead of waiting for a reconnect.
 */
export async function connect(
  kind: ClientKind,
  url: string,
  { offlineQueue = false }: { offlineQueue?: boolean } = {},
): Promise<TestClient> {
  if (kind === 'node-redis') {
    const client = createClient({
      url,
      disableOfflineQueue: !offlineQueue,
      socket: { reconnectStrategy: () => 50, connectTimeout: 1000 },
    });
    client.on('error', () => {});
    await client.connect();
    return {
      redis: client,
      pttl: (key) => client.pTTL(key),
      keys: (pattern) => client.keys(pattern),
      command: (args) => client.sendCommand(args),
      flush: async () => {
        await client.flushAll();
      },
      close: async () => {
        client.destroy();
      },
    };
  }
  const client = new Redis(url, {
    enableOfflineQueue: offlineQueue,
    lazyConnect: true,
    maxRetriesPerRequest: offlineQueue ? 20 : 0,
    retryStrategy: () => 50,
  });
  client.on('error', () => {});
  await client.connect();
  return {
    redis: fromIoredis(client),
    pttl: (key) => client.pttl(key),
    keys: (pattern) => client.keys(pattern),
    command: ([name, ...rest]) => client.call(name!, ...rest),
    flush: async () => {
      await client.flushall();
    },
    close: async () => {
      client.disconnect();
    },
  };
}
