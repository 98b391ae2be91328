import { randomUUID } from 'node:crypto';
import { createMemoryConnector } from '@org/connector-core/testing';
import { describe, expect, it } from 'vitest';
import { clientKinds } from '../test/clients.js';
import { startRedisServer } from '../test/redis-server.js';
import { templates } from '../test/templates.js';
import { useTestRedis } from '../test/use-test-redis.js';
import {
  createRedisRecipientThrottleStore,
  RedisStoreError,
  type RedisStoreEvent,
} from './index.js';

const redis = useTestRedis();
const { available } = redis;

const client = redis.client;

const prefix = () => `test:${randomUUID()}:`;
const signIn = (to: string) => ({ to, type: 'SignIn', payload: { code: '123456' } }) as const;

describe.skipIf(!available.ok).each(clientKinds)(
  'createRedisRecipientThrottleStore (%s)',
  (kind) => {
    it('holds recipientLimit across two connectors with their own clients: 3 per window in all', async () => {
      const keyPrefix = prefix();
      const connectors = await Promise.all(
        [0, 1].map(async () =>
          createMemoryConnector({
            templates,
            from: 'noreply@acme.test',
            options: {
              recipientLimit: {
                max: 3,
                windowMs: 600_000,
                secret: 'fleet-secret',
                store: createRedisRecipientThrottleStore({
                  redis: (await client(kind)).redis,
                  keyPrefix,
                }),
              },
            },
          }),
        ),
      );
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          connectors[i % 2]!.sendMessage(signIn('Ada@Example.com')),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused).toHaveLength(7);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
        code: 'rate_limit_exceeded',
        retryable: false,
      });
      expect(connectors[0]!.outbox.length + connectors[1]!.outbox.length).toBe(3);
      // Another recipient is counted on its own.
      await connectors[1]!.sendMessage(signIn('grace@example.com'));
    });

    it('stores only a digest key, and lets the recipient in again once the window slides past', async () => {
      const keyPrefix = prefix();
      const c = await client(kind);
      const store = createRedisRecipientThrottleStore({ redis: c.redis, keyPrefix });
      expect(await store.hit('rcpt:abc', 2, 300)).toEqual({
        allowed: true,
        count: 1,
        retryAfterMs: 0,
      });
      expect(await store.hit('rcpt:abc', 2, 300)).toMatchObject({ allowed: true, count: 2 });
      const refused = await store.hit('rcpt:abc', 2, 300);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(300);
      expect(await c.keys(`${keyPrefix}*`)).toEqual([`${keyPrefix}{rcpt:abc}`]);
      await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 50));
      expect((await store.hit('rcpt:abc', 2, 300)).allowed).toBe(true);
      // The key expires with its window: nothing lingers for a recipient who stopped.
      expect(await c.pttl(`${keyPrefix}{rcpt:abc}`)).toBeLessThanOrEqual(300);
    });

    it('lets exactly max of 50 concurrent hits through', async () => {
      const keyPrefix = prefix();
      const stores = await Promise.all(
        [0, 1].map(async () =>
          createRedisRecipientThrottleStore({ redis: (await client(kind)).redis, keyPrefix }),
        ),
      );
      const hits = await Promise.all(
        Array.from({ length: 50 }, (_, i) => stores[i % 2]!.hit('rcpt:x', 5, 60_000)),
      );
      expect(hits.filter((h) => h.allowed)).toHaveLength(5);
    });

    it('keeps prefixes apart', async () => {
      const redis = (await client(kind)).redis;
      await createRedisRecipientThrottleStore({ redis, keyPrefix: prefix() }).hit(
        'rcpt:y',
        1,
        60_000,
      );
      expect(
        (
          await createRedisRecipientThrottleStore({ redis, keyPrefix: prefix() }).hit(
            'rcpt:y',
            1,
            60_000,
          )
        ).allowed,
      ).toBe(true);
    });

    it('fail-closed refuses the send with RedisStoreError; fail-open lets it through; both report', async () => {
      const server = await startRedisServer();
      try {
        const redis = (await client(kind, server.url)).redis;
        const events: RedisStoreEvent[] = [];
        const make = (onStoreError: 'fail-open' | 'fail-closed') =>
          createMemoryConnector({
            templates,
            from: 'noreply@acme.test',
            options: {
              recipientLimit: {
                max: 1,
                windowMs: 60_000,
                secret: 's',
                store: createRedisRecipientThrottleStore({
                  redis,
                  onStoreError,
                  onEvent: (e) => events.push(e),
                }),
              },
            },
          });
        const closed = make('fail-closed');
        const open = make('fail-open');
        await server.stop();
        const error = await closed.sendMessage(signIn('ada@example.com')).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedisStoreError);
        expect(closed.outbox).toHaveLength(0);
        await open.sendMessage(signIn('ada@example.com'));
        expect(open.outbox).toHaveLength(1);
        expect(events.map((e) => [e.store, e.outcome])).toEqual([
          ['recipient-throttle', 'fail-closed'],
          ['recipient-throttle', 'fail-open'],
        ]);
      } finally {
        await server.stop();
      }
    });
  },
);
