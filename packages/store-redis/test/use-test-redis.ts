import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ClientKind, connect, type TestClient } from './clients.js';
import { redisAvailability, sharedRedis } from './redis-server.js';

/**
 * A test file's Redis: whether one is available (REDIS_URL, or a redis-server of the file's
 * own), and connected clients that are closed after each test. Call it at the top of the file,
 * before the file's own hooks, so those run first on the way out.
 */
export function useTestRedis() {
  const available = redisAvailability();
  let shared: { url: string; close(): Promise<void> } | undefined;
  const opened: TestClient[] = [];
  beforeAll(async () => {
    if (available.ok) shared = await sharedRedis();
  });
  afterAll(async () => {
    await shared?.close();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((client) => client.close()));
  });
  const url = (): string => {
    if (!shared) throw new Error('useTestRedis: no Redis for this file (see redisAvailability)');
    return shared.url;
  };
  return {
    available,
    url,
    async client(
      kind: ClientKind,
      at: string = url(),
      options?: { offlineQueue?: boolean },
    ): Promise<TestClient> {
      const client = await connect(kind, at, options);
      opened.push(client);
      return client;
    },
  };
}
