// One instance of a fleet: its own SES connector and its own Redis client, sharing one Redis
// (pacing, idempotency keys, the per-recipient limit) with the other instances.
import { createAwsSesConnector } from '@org/connector-aws-ses';
import {
  createMemoryIdempotencyStore,
  createMemoryRateLimiter,
  createMemoryRecipientThrottleStore,
} from '@org/connector-core';
import {
  createRedisIdempotencyStore,
  createRedisRateLimiter,
  createRedisRecipientThrottleStore,
  fromIoredis,
} from '@org/connector-store-redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { credentials, region } from '../lib/fixtures.mjs';
import { serveWorker } from '../lib/worker.mjs';

const templates = [
  { usageType: 'Register', subject: 'Welcome', content: '<p>Your code is {{code}}</p>' },
  { usageType: 'SignIn', subject: 'Sign in', content: '<p>Your code is {{code}}</p>' },
  { usageType: 'ForgotPassword', subject: 'Reset', content: '<p>Your code is {{code}}</p>' },
  { usageType: 'Generic', subject: 'Your code', content: '<p>Your code is {{code}}</p>' },
];

let client;
let redis;
const connectors = [];

async function connectRedis(kind, url) {
  if (kind === 'ioredis') {
    const io = new Redis(url, {
      enableOfflineQueue: false,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    io.on('error', () => {});
    await io.connect();
    return { redis: fromIoredis(io), close: () => io.disconnect() };
  }
  const nodeRedis = createClient({ url, disableOfflineQueue: true });
  nodeRedis.on('error', () => {});
  await nodeRedis.connect();
  return { redis: nodeRedis, close: () => nodeRedis.destroy() };
}

function makeConnector({ sesUrl, rate, stores, keyPrefix }) {
  const shared = { redis, keyPrefix };
  const options =
    stores === 'redis'
      ? {
          rateLimiter: timed(createRedisRateLimiter(shared)),
          idempotency: { store: createRedisIdempotencyStore(shared), secret: 'bench-fleet' },
          recipientLimit: {
            max: 5,
            windowMs: 600_000,
            secret: 'bench-fleet',
            store: createRedisRecipientThrottleStore(shared),
          },
        }
      : {
          rateLimiter: timed(createMemoryRateLimiter()),
          idempotency: { store: createMemoryIdempotencyStore(), secret: 'bench-fleet' },
          recipientLimit: {
            max: 5,
            windowMs: 600_000,
            store: createMemoryRecipientThrottleStore(),
            secret: 'bench-fleet',
          },
        };
  const connector = createAwsSesConnector(
    {
      region,
      endpoint: sesUrl,
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.secretAccessKey,
      emailAddress: 'Bench <noreply@example.com>',
      templates,
      pacing: { maxSendRate: rate },
      maxQueueWaitMs: 60_000,
      // Throttling must show up as an error here, not be retried away by the SDK.
      maxAttempts: 1,
    },
    options,
  );
  connectors.push(connector);
  return connector;
}

let fleet;
// How long each paced send held its tokens (grant to release): its slot counts for this long
// plus one second, so it is what pacing costs in throughput.
const holds = [];
function timed(limiter) {
  return {
    async acquire(request) {
      const release = await limiter.acquire(request);
      const granted = performance.now();
      return () => {
        holds.push(performance.now() - granted);
        release();
      };
    },
  };
}

serveWorker({
  async setup({ sesUrl, openSesUrl, redisUrl, clientKind, rate, keyPrefix }) {
    client = await connectRedis(clientKind, redisUrl);
    redis = client.redis;
    fleet = {
      redis: makeConnector({ sesUrl, rate, stores: 'redis', keyPrefix }),
      // The baseline: one process pacing on the core's memory limiter, same mock and rate.
      memoryPaced: makeConnector({ sesUrl, rate, stores: 'memory', keyPrefix }),
      // Against a mock without a rate limit, paced at the highest rate the config allows: the
      // pacing path runs, its waits do not.
      memory: makeConnector({ sesUrl: openSesUrl, rate: 100_000, stores: 'memory', keyPrefix }),
      redisUnpaced: makeConnector({
        sesUrl: openSesUrl,
        rate: 100_000,
        stores: 'redis',
        keyPrefix,
      }),
    };
    return null;
  },

  /** `count` sends to distinct recipients, `concurrency` at a time; error codes counted. */
  async load({ count, concurrency, tag, startAt, connector: which = 'redis' }) {
    const connector = fleet[which];
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const errors = {};
    let next = 0;
    let sent = 0;
    const started = Date.now();
    let lastDone = started;
    const latencies = [];
    holds.length = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        try {
          await connector.sendMessage({
            to: `load-${tag}-${i}@example.com`,
            type: 'SignIn',
            payload: { code: '123456' },
          });
          sent++;
          lastDone = Date.now();
          latencies.push(performance.now() - t);
        } catch (error) {
          errors[error.code ?? 'unknown'] = (errors[error.code ?? 'unknown'] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return { sent, errors, started, lastDone, latencies, holds: [...holds] };
  },

  /** The same idempotency key (and message) `times` times at once. */
  async sameKey({ key, times, startAt }) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const outcomes = await Promise.allSettled(
      Array.from({ length: times }, () =>
        fleet.redisUnpaced.sendMessage(
          { to: 'same-key@example.com', type: 'SignIn', payload: { code: '424242' } },
          { idempotencyKey: key },
        ),
      ),
    );
    return outcomes.map((o) =>
      o.status === 'fulfilled' ? o.value.messageId : `error:${o.reason.code}`,
    );
  },

  /** `times` sends to one recipient under recipientLimit { max: 5 }. */
  async sameRecipient({ to, times, startAt }) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const outcomes = await Promise.allSettled(
      Array.from({ length: times }, (_, i) =>
        fleet.redisUnpaced.sendMessage({
          to,
          type: 'SignIn',
          payload: { code: String(100000 + i) },
        }),
      ),
    );
    return outcomes.map((o) =>
      o.status === 'fulfilled' ? 'sent' : `${o.reason.code}${o.reason.retryable ? '' : ' (final)'}`,
    );
  },

  /**
   * Sequential sends, each with an idempotency key, a recipient limit check and pacing, through
   * memory stores or Redis stores (both unthrottled): per-send latency in ms.
   */
  async latency({ n, stores, tag }) {
    const connector = stores === 'redis' ? fleet.redisUnpaced : fleet.memory;
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await connector.sendMessage(
        {
          to: `lat-${tag}-${stores}-${i}@example.com`,
          type: 'SignIn',
          payload: { code: '123456' },
        },
        { idempotencyKey: `lat-${tag}-${stores}-${i}` },
      );
      times[i] = performance.now() - started;
    }
    return Array.from(times);
  },

  async close() {
    await Promise.all(connectors.map((c) => c.close()));
    client?.close();
  },
});
