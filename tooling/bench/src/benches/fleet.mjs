import { randomUUID } from 'node:crypto';
import { startRedis } from '../lib/redis-server.mjs';
import { percentile, round } from '../lib/stats.mjs';
import { spawnWorker } from '../lib/worker.mjs';

const workers = 4;

/**
 * Benchmark: a fleet of 4 processes, each an SES connector with its own Redis client (two
 * node-redis, two ioredis), sharing one Redis, against one mock SES server that enforces
 * MaxSendRate. Measures the utilisation of the rate and the throttles (none expected), proves
 * one send for one idempotency key from all 4 and the per-recipient limit across them, and
 * the per-send overhead of the Redis stores against the memory ones at p50/p99.
 */
export async function benchFleet({ quick, progress }) {
  // A rate the 4 processes can exceed unpaced on the shared 2-core machine (see the ceiling):
  // the figure is then the limiter's, not the machine's.
  const rate = 50;
  const seconds = quick ? 3 : 20;
  const latencySends = quick ? 100 : 1000;
  const cleanup = [];
  try {
    progress.update('fleet: starting Redis and the mock SES');
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const ses = spawnWorker('fleet-ses.mjs');
    cleanup.push(() => ses.close());
    const { url: sesUrl } = await ses.call('start', { maxSendRate: rate });
    const openSes = spawnWorker('fleet-ses.mjs');
    cleanup.push(() => openSes.close());
    const { url: openSesUrl } = await openSes.call('start', {});
    const keyPrefix = `bench:${randomUUID()}:`;
    const fleet = Array.from({ length: workers }, () => spawnWorker('fleet-sender.mjs'));
    for (const w of fleet) cleanup.push(() => w.close());
    await Promise.all(
      fleet.map((w, i) =>
        w.call('setup', {
          sesUrl,
          openSesUrl,
          redisUrl: redis.url,
          clientKind: i % 2 === 0 ? 'node-redis' : 'ioredis',
          rate,
          keyPrefix,
        }),
      ),
    );

    // Warm up: each process's first sends pay for its SDK client's and Redis scripts' first
    // use (a slot held for most of a second); then let those slots run out.
    progress.update('fleet: warming up');
    await Promise.all(
      fleet.map((w, i) =>
        w.call('load', { count: 4, concurrency: 2, tag: `warm${i}`, startAt: 0 }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await ses.call('reset');

    // 0. The ceiling: the same load unpaced (to the mock without a rate limit). On a busy
    // machine the fleet may not reach MaxSendRate at all; utilisation is read against this.
    progress.update('fleet: the unpaced ceiling of the 4 processes');
    const ceilingAt = Date.now() + 200;
    const ceilingRuns = await Promise.all(
      fleet.map((w, i) =>
        w.call('load', {
          count: Math.ceil((rate * seconds) / workers),
          concurrency: 16,
          tag: `c${i}`,
          startAt: ceilingAt,
          unpaced: true,
        }),
      ),
    );
    const ceilingSent = ceilingRuns.reduce((sum, l) => sum + l.sent, 0);
    const ceilingPerSecond =
      (ceilingSent * 1000) / (Math.max(...ceilingRuns.map((l) => l.lastDone)) - ceilingAt);

    // 1. Rate: together the 4 send rate × seconds messages, 16 at a time each.
    progress.update(`fleet: ${workers} processes sharing ${rate}/s for ~${seconds} s`);
    const perWorker = Math.ceil((rate * seconds) / workers);
    const total = perWorker * workers;
    const startAt = Date.now() + 200;
    const loads = await Promise.all(
      fleet.map((w, i) =>
        w.call('load', { count: perWorker, concurrency: 16, tag: `w${i}`, startAt }),
      ),
    );
    const loadStats = await ses.call('stats');
    const sendMs = Float64Array.from(loads.flatMap((l) => l.latencies)).sort();
    const holdMs = Float64Array.from(loads.flatMap((l) => l.holds)).sort();
    const sent = loads.reduce((sum, l) => sum + l.sent, 0);
    const elapsedMs = Math.max(...loads.map((l) => l.lastDone)) - startAt;
    const errors = {};
    for (const l of loads) {
      for (const [code, n] of Object.entries(l.errors)) errors[code] = (errors[code] ?? 0) + n;
    }
    // The ideal: the first of `total` at 0 and one every 1/rate s after it.
    const idealMs = ((total - 1) * 1000) / rate;
    const utilization = idealMs / elapsedMs;

    // 1b. The baseline: one process, the core's memory limiter, the same messages and lanes.
    progress.update(`fleet: baseline, 1 process on a memory limiter at ${rate}/s`);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const baseAt = Date.now() + 200;
    const base = await fleet[0].call('load', {
      count: total,
      concurrency: 16 * workers,
      tag: 'base',
      startAt: baseAt,
      connector: 'memoryPaced',
    });
    const baseStats = await ses.call('stats');
    const baseUtilization = idealMs / (base.lastDone - baseAt);

    // 2. One idempotency key from all 4 processes, 5 times each, at once.
    progress.update('fleet: one idempotency key from 4 processes');
    const key = `fleet-${randomUUID()}`;
    const keyAt = Date.now() + 100;
    const keyed = (
      await Promise.all(fleet.map((w) => w.call('sameKey', { key, times: 5, startAt: keyAt })))
    ).flat();
    const keyStats = await openSes.call('stats', { to: 'same-key@example.com' });

    // 3. One recipient, 10 sends from each process, recipientLimit { max: 5 }.
    progress.update('fleet: one recipient from 4 processes under recipientLimit');
    const recipient = `limited-${randomUUID().slice(0, 8)}@example.com`;
    const limitAt = Date.now() + 100;
    const limited = (
      await Promise.all(
        fleet.map((w) => w.call('sameRecipient', { to: recipient, times: 10, startAt: limitAt })),
      )
    ).flat();
    const limitStats = await openSes.call('stats', { to: recipient });

    // 4. Per-send latency, memory stores vs Redis stores, interleaved rounds in one process.
    progress.update('fleet: per-send overhead of the Redis stores');
    const lat = { memory: [], redis: [] };
    const rounds = 4;
    for (let r = 0; r < rounds; r++) {
      for (const stores of r % 2 === 0 ? ['memory', 'redis'] : ['redis', 'memory']) {
        const times = await fleet[0].call('latency', {
          n: latencySends / rounds,
          stores,
          tag: `r${r}`,
        });
        // The first sends of a round warm the path.
        lat[stores].push(...times.slice(5));
      }
    }
    const summary = (values) => {
      const sorted = Float64Array.from(values).sort();
      return { p50: round(percentile(sorted, 50), 3), p99: round(percentile(sorted, 99), 3) };
    };
    const memory = summary(lat.memory);
    const redisLat = summary(lat.redis);

    return {
      workers,
      clients: 'node-redis ×2, ioredis ×2',
      redis: redis.own ? 'own redis-server (loopback)' : 'REDIS_URL',
      rate: {
        maxSendRate: rate,
        messages: total,
        sent,
        errors,
        elapsedMs: round(elapsedMs, 0),
        achievedPerSecond: round((sent * 1000) / elapsedMs, 1),
        utilization: round(utilization, 3),
        // What the 4 processes reach unpaced on this machine now: when it is near or below
        // MaxSendRate, the machine (not the limiter) bounds the utilisation.
        unpacedCeilingPerSecond: round(ceilingPerSecond, 1),
        baseline: {
          sent: base.sent,
          errors: base.errors,
          utilization: round(baseUtilization, 3),
          throttledAtSes: baseStats.throttled - loadStats.throttled,
        },
        vsBaseline: round(utilization / baseUtilization, 3),
        throttledAtSes: loadStats.throttled,
        acceptedAtSes: loadStats.accepted,
        // Includes the wait for a turn: sends queue behind the rate.
        sendMs: { p50: round(percentile(sendMs, 50), 1), p99: round(percentile(sendMs, 99), 1) },
        // Grant to release: a slot counts for this plus 1 s, the throughput pacing gives up.
        holdMs: {
          mean: round(holdMs.reduce((sum, v) => sum + v, 0) / holdMs.length, 1),
          p50: round(percentile(holdMs, 50), 1),
          p99: round(percentile(holdMs, 99), 1),
        },
      },
      idempotency: {
        calls: keyed.length,
        distinctResults: new Set(keyed).size,
        acceptedAtSes: keyStats.accepted,
      },
      recipientLimit: {
        max: 5,
        attempts: limited.length,
        sent: limited.filter((o) => o === 'sent').length,
        refused: limited.filter((o) => o !== 'sent').length,
        refusedAs: [...new Set(limited.filter((o) => o !== 'sent'))],
        acceptedAtSes: limitStats.accepted,
      },
      overhead: {
        sendsPerSide: lat.memory.length,
        memoryMs: memory,
        redisMs: redisLat,
        addedMs: {
          p50: round(redisLat.p50 - memory.p50, 3),
          p99: round(redisLat.p99 - memory.p99, 3),
        },
        ratio: {
          p50: round(redisLat.p50 / memory.p50, 2),
          p99: round(redisLat.p99 / memory.p99, 2),
        },
      },
    };
  } finally {
    for (const fn of cleanup.reverse()) await fn().catch(() => {});
  }
}
