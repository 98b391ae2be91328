import { randomUUID } from 'node:crypto';
import { createAwsSesConnector } from '@org/connector-aws-ses';
import { QueueWaitExceededError } from '@org/connector-core';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientKinds } from '../test/clients.js';
import { startRedisServer } from '../test/redis-server.js';
import { templates } from '../test/templates.js';
import { useTestRedis } from '../test/use-test-redis.js';
import { createRedisRateLimiter, RedisStoreError, type RedisStoreEvent } from './index.js';

const redis = useTestRedis();
const { available } = redis;
let ses: MockSesServer;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  if (!available.ok) return;
  ses = await startMockSesServer({ identities: ['acme.test'], maxSendRate: 20 });
});
afterAll(async () => {
  await ses?.close();
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  ses?.mock.reset();
});

const client = redis.client;

const prefix = () => `test:${randomUUID()}:`;

function sesConnector(rateLimiter: ReturnType<typeof createRedisRateLimiter>) {
  const connector = createAwsSesConnector(
    {
      region: 'us-east-1',
      endpoint: ses.url,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      accessKeySecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      emailAddress: 'Acme <noreply@acme.test>',
      templates,
      pacing: { maxSendRate: 20 },
      maxAttempts: 1,
    },
    { rateLimiter },
  );
  closers.push(() => connector.close());
  return connector;
}

const throttled = () =>
  ses.mock.requests
    .operations('SendEmail')
    .filter((entry) => entry.errorType === 'TooManyRequestsException');

describe.skipIf(!available.ok).each(clientKinds)('createRedisRateLimiter (%s)', (kind) => {
  it('three SES connectors, each with its own Redis client, keep MaxSendRate 20 together', async () => {
    const keyPrefix = prefix();
    const connectors = await Promise.all(
      [0, 1, 2].map(async () =>
        sesConnector(createRedisRateLimiter({ redis: (await client(kind)).redis, keyPrefix })),
      ),
    );
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        connectors[i % 3]!.sendMessage({
          to: `user${i}@example.com`,
          type: 'SignIn',
          payload: { code: '123456' },
        }),
      ),
    );
    expect(results).toHaveLength(45);
    expect(throttled()).toEqual([]);
    expect(ses.mock.outbox.size).toBe(45);
  });

  it('the control: three connectors pacing on their own memory limiters are throttled', async () => {
    const connectors = [0, 1, 2].map(() => {
      const connector = createAwsSesConnector({
        region: 'us-east-1',
        endpoint: ses.url,
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        accessKeySecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        emailAddress: 'Acme <noreply@acme.test>',
        templates,
        pacing: { maxSendRate: 20 },
        maxAttempts: 1,
      });
      closers.push(() => connector.close());
      return connector;
    });
    await Promise.allSettled(
      Array.from({ length: 45 }, (_, i) =>
        connectors[i % 3]!.sendMessage({
          to: `user${i}@example.com`,
          type: 'SignIn',
          payload: { code: '123456' },
        }),
      ),
    );
    expect(throttled().length).toBeGreaterThan(0);
  });

  it('charges one token per recipient and refuses a wait beyond maxWaitMs with QueueWaitExceededError', async () => {
    const limiter = createRedisRateLimiter({
      redis: (await client(kind)).redis,
      keyPrefix: prefix(),
    });
    const request = { key: 'k', tokens: 4, ratePerSecond: 4, maxWaitMs: 100 };
    const release = await limiter.acquire(request);
    release();
    // The 4 tokens stay counted for a second after the release: the next send must wait.
    const error = await limiter.acquire({ ...request, tokens: 1 }).catch((e: unknown) => e);
    expect(QueueWaitExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ maxWaitMs: 100, ratePerSecond: 4 });
  });

  it('gives up a wait when the signal aborts', async () => {
    const limiter = createRedisRateLimiter({
      redis: (await client(kind)).redis,
      keyPrefix: prefix(),
    });
    const request = { key: 'k', tokens: 1, ratePerSecond: 1, maxWaitMs: 10_000 };
    (await limiter.acquire(request))();
    const controller = new AbortController();
    const waiting = limiter.acquire({ ...request, signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
  });

  it('keeps limits apart by key prefix', async () => {
    const redis = (await client(kind)).redis;
    const request = { key: 'same', tokens: 1, ratePerSecond: 1, maxWaitMs: 0 };
    await createRedisRateLimiter({ redis, keyPrefix: prefix() }).acquire(request);
    await expect(
      createRedisRateLimiter({ redis, keyPrefix: prefix() }).acquire(request),
    ).resolves.toBeTypeOf('function');
  });
});

describe.skipIf(!available.ok).each(clientKinds)(
  'createRedisRateLimiter when Redis fails (%s)',
  (kind) => {
    it('fail-closed throws RedisStoreError; fail-open paces in memory and reports it', async () => {
      const server = await startRedisServer();
      closers.push(server.stop);
      const redis = (await client(kind, server.url)).redis;
      const events: RedisStoreEvent[] = [];
      const onEvent = (event: RedisStoreEvent) => events.push(event);
      const closed = createRedisRateLimiter({ redis, onEvent });
      const open = createRedisRateLimiter({ redis, onEvent, onStoreError: 'fail-open' });
      await server.stop();
      const request = { key: 'k', tokens: 1, ratePerSecond: 10, maxWaitMs: 1_000 };
      const error = await closed.acquire(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisStoreError);
      expect(error).toMatchObject({ code: 'provider_unavailable', store: 'rate-limiter' });
      await expect(open.acquire(request)).resolves.toBeTypeOf('function');
      expect(events.map((e) => e.outcome)).toEqual(['fail-closed', 'fail-open']);
    });

    it('grants again after a Redis restart (the script is loaded again)', async () => {
      const server = await startRedisServer();
      closers.push(server.stop);
      const limiter = createRedisRateLimiter({ redis: (await client(kind, server.url)).redis });
      const request = { key: 'k', tokens: 1, ratePerSecond: 1000, maxWaitMs: 1_000 };
      (await limiter.acquire(request))();
      await server.stop();
      await server.start();
      let granted = false;
      for (let i = 0; i < 100 && !granted; i++) {
        granted = await limiter.acquire(request).then(
          (release) => {
            release();
            return true;
          },
          async (error: unknown) => {
            if (!RedisStoreError.isRedisStoreError(error)) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
            return false;
          },
        );
      }
      expect(granted).toBe(true);
    });
  },
);
