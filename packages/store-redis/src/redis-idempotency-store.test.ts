import { randomUUID } from 'node:crypto';
import { ConnectorError } from '@org/connector-core';
import { createMemoryConnector, createMemoryProvider } from '@org/connector-core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKinds } from '../test/clients.js';
import { type RedisServer, startRedisServer } from '../test/redis-server.js';
import { templates } from '../test/templates.js';
import { useTestRedis } from '../test/use-test-redis.js';
import { createRedisIdempotencyStore, RedisStoreError, type RedisStoreEvent } from './index.js';

const redis = useTestRedis();
const { available } = redis;

const client = redis.client;

const prefix = () => `test:${randomUUID()}:`;
const record = { fingerprint: 'f'.repeat(64) };

describe.skipIf(!available.ok).each(clientKinds)('createRedisIdempotencyStore (%s)', (kind) => {
  it('lets exactly one of 100 concurrent claims across two clients win', async () => {
    const keyPrefix = prefix();
    const [a, b] = [await client(kind), await client(kind)];
    const stores = [a, b].map((c) => createRedisIdempotencyStore({ redis: c.redis, keyPrefix }));
    const claims = await Promise.all(
      Array.from({ length: 100 }, (_, i) => stores[i % 2]!.claim('idem:k', record, 10_000)),
    );
    expect(claims.filter((c) => c.status === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.status === 'pending')).toHaveLength(99);
  });

  it('sends once when two connectors, each with its own client, get the same key 20 times', async () => {
    const keyPrefix = prefix();
    const outboxes = [createMemoryProvider(), createMemoryProvider()];
    const connectors = await Promise.all(
      outboxes.map(async (provider) => {
        const c = await client(kind);
        return createMemoryConnector({
          templates,
          from: 'noreply@acme.test',
          provider,
          options: {
            idempotency: {
              store: createRedisIdempotencyStore({ redis: c.redis, keyPrefix }),
              secret: 'fleet-secret',
            },
          },
        });
      }),
    );
    const message = { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } } as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        connectors[i % 2]!.sendMessage(message, { idempotencyKey: 'code-1' }),
      ),
    );
    expect(outboxes[0]!.outbox.length + outboxes[1]!.outbox.length).toBe(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
  });

  it('replays a finished record, and frees a claim when its TTL runs out', async () => {
    const keyPrefix = prefix();
    const c = await client(kind);
    const store = createRedisIdempotencyStore({ redis: c.redis, keyPrefix });
    expect(await store.claim('idem:a', record, 150)).toEqual({ status: 'claimed' });
    const ttl = await c.pttl(`${keyPrefix}{idem:a}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(150);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.get('idem:a')).toBeUndefined();
    expect(await store.claim('idem:a', record, 10_000)).toEqual({ status: 'claimed' });

    const result = { messageId: 'm-1', provider: 'memory', attempts: 1 };
    await store.set('idem:a', { ...record, result }, 60_000);
    expect(await store.claim('idem:a', record, 10_000)).toEqual({
      status: 'done',
      record: { ...record, result },
    });
    await store.delete('idem:a');
    expect(await store.get('idem:a')).toBeUndefined();
  });

  it('keeps stores with different key prefixes apart, under cluster-safe hash-tagged keys', async () => {
    const c = await client(kind);
    const [p1, p2] = [prefix(), prefix()];
    const one = createRedisIdempotencyStore({ redis: c.redis, keyPrefix: p1 });
    const two = createRedisIdempotencyStore({ redis: c.redis, keyPrefix: p2 });
    expect(await one.claim('idem:same', record, 10_000)).toEqual({ status: 'claimed' });
    expect(await two.claim('idem:same', record, 10_000)).toEqual({ status: 'claimed' });
    expect(await c.keys(`${p1}*`)).toEqual([`${p1}{idem:same}`]);
  });
});

describe.skipIf(!available.ok).each(clientKinds)('when Redis fails (%s)', (kind) => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('fail-closed: a send fails with a typed RedisStoreError (and an event), and nothing is sent', async () => {
    const c = await client(kind, server.url);
    const events: RedisStoreEvent[] = [];
    const connector = createMemoryConnector({
      templates,
      from: 'noreply@acme.test',
      options: {
        idempotency: {
          store: createRedisIdempotencyStore({ redis: c.redis, onEvent: (e) => events.push(e) }),
        },
      },
    });
    await server.stop();
    const error = await connector
      .sendMessage(
        { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } },
        { idempotencyKey: 'k' },
      )
      .catch((e: unknown) => e);
    expect(RedisStoreError.isRedisStoreError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      store: 'idempotency',
    });
    expect((error as ConnectorError).hint).toMatch(/fail-open/);
    expect((error as ConnectorError).message).not.toContain('123456');
    expect(connector.outbox).toHaveLength(0);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'store:error',
        store: 'idempotency',
        operation: 'claim a key',
        outcome: 'fail-closed',
      }),
    ]);
    await server.start();
  });

  it('fail-open: the send goes out without dedupe, and the event says so', async () => {
    const c = await client(kind, server.url);
    const events: RedisStoreEvent[] = [];
    const connector = createMemoryConnector({
      templates,
      from: 'noreply@acme.test',
      options: {
        idempotency: {
          store: createRedisIdempotencyStore({
            redis: c.redis,
            onStoreError: 'fail-open',
            onEvent: (e) => events.push(e),
          }),
        },
      },
    });
    await server.stop();
    await connector.sendMessage(
      { to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } },
      { idempotencyKey: 'k' },
    );
    expect(connector.outbox).toHaveLength(1);
    expect(events[0]).toMatchObject({ store: 'idempotency', outcome: 'fail-open' });
    expect(events[0]?.error).toBeInstanceOf(ConnectorError);
    await server.start();
  });

  it('a client that queues commands while disconnected fails after commandTimeoutMs, never hangs', async () => {
    const c = await client(kind, server.url, { offlineQueue: true });
    const store = createRedisIdempotencyStore({ redis: c.redis, commandTimeoutMs: 200 });
    await server.stop();
    // Let the client notice the lost connection: from then on it queues commands.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const error = await store.claim('idem:t', record, 1000).catch((e: unknown) => e);
    expect(error).toMatchObject({
      store: 'idempotency',
      message: expect.stringContaining('commandTimeoutMs'),
    });
    await server.start();
  });

  it('writes a result that failed during an outage once Redis is back', async () => {
    const c = await client(kind, server.url);
    const store = createRedisIdempotencyStore({
      redis: c.redis,
      keyPrefix: prefix(),
      onStoreError: 'fail-open',
    });
    expect(await store.claim('idem:late', record, 10_000)).toEqual({ status: 'claimed' });
    await server.stop();
    const result = { messageId: 'm-late', provider: 'memory', attempts: 1 };
    await store.set('idem:late', { ...record, result }, 60_000);
    await server.start();
    let found: unknown;
    for (let i = 0; i < 60 && found === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = (await store.get('idem:late'))?.result;
    }
    expect(found).toEqual(result);
  });

  it('keeps working across a Redis restart: reconnects and reloads its script (NOSCRIPT → EVAL)', async () => {
    const c = await client(kind, server.url);
    const store = createRedisIdempotencyStore({ redis: c.redis, keyPrefix: prefix() });
    expect(await store.claim('idem:before', record, 10_000)).toEqual({ status: 'claimed' });
    await server.stop();
    await server.start();
    let claim: unknown;
    // The client reconnects on its own; until then calls fail fast with RedisStoreError.
    for (let i = 0; i < 100 && claim === undefined; i++) {
      claim = await store.claim('idem:after', record, 10_000).catch((e: unknown) => {
        if (!RedisStoreError.isRedisStoreError(e)) throw e;
        return new Promise((resolve) => setTimeout(resolve, 50));
      });
    }
    expect(claim).toEqual({ status: 'claimed' });
    // Without persistence the restart forgot the earlier claim (see the README).
    expect(await store.claim('idem:before', record, 10_000)).toEqual({ status: 'claimed' });
  });
});

describe('createRedisIdempotencyStore options', () => {
  it('rejects a missing client and an ioredis client passed without its adapter, as invalid_config', () => {
    expect(() => createRedisIdempotencyStore({} as never)).toThrow(/redis/);
    expect(() =>
      createRedisIdempotencyStore({ redis: { evalsha: () => {}, eval: () => {} } as never }),
    ).toThrow(/fromIoredis/);
    expect(() =>
      createRedisIdempotencyStore({
        redis: { evalSha: () => {}, eval: () => {} } as never,
        onStoreError: 'sometimes' as never,
      }),
    ).toThrow(/onStoreError/);
  });
});
