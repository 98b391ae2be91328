// One process of `pnpm soak --fleet`: its own SES connector and its own Redis client, sharing
// one Redis (pacing, idempotency keys, recipient limit) with the other processes. Every key
// (one message, `s<i>@soak.example`) is sent by two processes at once. Talks to fleet.mjs:
//   parent → { type: 'start', ... }    child → { type: 'results', batch } ... { type: 'done' }
import { createAwsSesConnector } from '@org/connector-aws-ses';
import { ConnectorError } from '@org/connector-core';
import {
  createRedisIdempotencyStore,
  createRedisRateLimiter,
  createRedisRecipientThrottleStore,
  fromIoredis,
} from '@org/connector-store-redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { describe, recordUnhandledRejections, templates, waitFor } from './driver-kit.mjs';

const batchSize = 200;
const storeRetries = 4;
const storeRetryDelayMs = 300;

const unhandled = recordUnhandledRejections();

async function connectRedis(kind, url) {
  if (kind === 'ioredis') {
    const io = new Redis(url, {
      enableOfflineQueue: false,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => 100,
    });
    io.on('error', () => {});
    await io.connect();
    return { redis: fromIoredis(io), close: () => io.disconnect() };
  }
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: () => 100 },
  });
  client.on('error', () => {});
  await client.connect();
  return { redis: client, close: () => client.destroy() };
}

const isStoreOutage = (error) =>
  ConnectorError.isInstance(error) && error.providerCode === 'RedisStoreUnavailable';

/**
 * One key under a watchdog. A Redis outage (a typed RedisStoreError: nothing was sent) is
 * retried with the same key, as an app would; anything else is the outcome.
 */
async function sendKey(connector, index, watchdogMs) {
  const started = performance.now();
  let storeErrors = 0;
  const controller = new AbortController();
  let timer;
  const watchdog = new Promise((resolve) => {
    timer = setTimeout(() => resolve('hang'), watchdogMs);
  });
  const attempt = async () => {
    for (let tryIndex = 0; ; tryIndex++) {
      try {
        return {
          result: await connector.sendMessage(
            {
              to: `s${index}@soak.example`,
              type: 'SignIn',
              payload: { code: String(100_000 + index) },
            },
            { signal: controller.signal, idempotencyKey: `soak-${index}` },
          ),
        };
      } catch (error) {
        if (!isStoreOutage(error) || tryIndex + 1 >= storeRetries) return { error };
        storeErrors += 1;
        await new Promise((resolve) => setTimeout(resolve, storeRetryDelayMs * (tryIndex + 1)));
      }
    }
  };
  const outcome = await Promise.race([attempt(), watchdog]);
  clearTimeout(timer);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (outcome === 'hang') {
    controller.abort(new Error('soak watchdog'));
    return { i: index, hang: true, ms, storeErrors };
  }
  if ('result' in outcome) {
    const { messageId } = outcome.result ?? {};
    if (typeof messageId !== 'string' || messageId === '') {
      return { i: index, untyped: `resolved without a message id`, ms, storeErrors };
    }
    return { i: index, ok: true, messageId, ms, storeErrors };
  }
  const { error } = outcome;
  if (!ConnectorError.isInstance(error))
    return { i: index, untyped: describe(error), ms, storeErrors };
  return {
    i: index,
    code: error.code,
    ...(error.providerCode ? { providerCode: error.providerCode } : {}),
    ms,
    storeErrors,
  };
}

async function main() {
  const { options, endpoint, redisUrl, keyPrefix, index, processes } = await waitFor('start');
  const client = await connectRedis(index % 2 === 0 ? 'node-redis' : 'ioredis', redisUrl);
  const shared = { redis: client.redis, keyPrefix, commandTimeoutMs: 500 };
  const connector = createAwsSesConnector(
    {
      accessKeyId: 'AKIASOAKTESTEXAMPLE',
      accessKeySecret: 'soak-test-secret-not-a-real-key',
      region: 'us-east-1',
      emailAddress: 'Soak <soak@example.com>',
      endpoint,
      maxAttempts: options.maxAttempts,
      requestTimeoutMs: options.timeoutMs,
      pacing: { maxSendRate: options.rate },
      maxQueueWaitMs: 20_000,
      templates,
    },
    {
      rateLimiter: createRedisRateLimiter({ ...shared, leaseMs: 10_000 }),
      // The lease outlives the longest send (3 attempts of timeoutMs plus backoff).
      idempotency: {
        store: createRedisIdempotencyStore(shared),
        secret: 'soak-fleet',
        claimTtlMs: options.timeoutMs * options.maxAttempts * 3,
      },
      recipientLimit: {
        max: 10,
        windowMs: 600_000,
        secret: 'soak-fleet',
        store: createRedisRecipientThrottleStore(shared),
      },
    },
  );

  // Each key goes to two processes: its owner and the next one.
  const keys = [];
  for (let i = 0; i < options.n; i++) {
    if (i % processes === index || (i + 1) % processes === index) keys.push(i);
  }
  let batch = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      const record = await sendKey(connector, key, options.watchdogMs);
      batch.push({ ...record, p: index });
      if (batch.length >= batchSize) {
        process.send({ type: 'results', batch });
        batch = [];
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  if (batch.length > 0) process.send({ type: 'results', batch });
  await connector.close();
  client.close();
  process.send({ type: 'done', elapsedMs, unhandled }, () => process.disconnect());
}

main().catch((error) => {
  process.send?.({ type: 'crashed', error: describe(error) });
  process.exitCode = 1;
});
