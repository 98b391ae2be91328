import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueueWaitExceededError, type ReleaseToken } from './rate-limiter.js';
import { TokenBucket } from './rate-limiter-token-bucket.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const now = () => Date.now();
const start = () => Date.now();

/** The most grants that fall in any half-open window [t, t + windowMs). */
function busiestWindow(times: readonly number[], windowMs = 1000): number {
  let most = 0;
  for (const from of times) {
    most = Math.max(most, times.filter((t) => t >= from && t < from + windowMs).length);
  }
  return most;
}

describe('TokenBucket', () => {
  it('hands 400 concurrent acquisitions out at 20/s, in order, never more than 20 in a second', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 20, maxWaitMs: 60_000, now });
    const t0 = start();
    const grants: { index: number; at: number }[] = [];
    const sends = Array.from({ length: 400 }, (_, index) =>
      bucket.acquire().then((release) => {
        grants.push({ index, at: Date.now() - t0 });
        // A send that takes 20 ms before its token starts to count down.
        setTimeout(release, 20);
      }),
    );
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(sends);

    expect(grants.map((g) => g.index)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    const times = grants.map((g) => g.at);
    expect(busiestWindow(times)).toBe(20);
    const last = times.at(-1) ?? Number.NaN;
    // The ideal schedule puts the 400th at 19.95 s; the bucket may not beat it, nor lag 10 %.
    expect(last).toBeGreaterThanOrEqual(19_950);
    expect(last).toBeLessThanOrEqual(1.1 * 20_000);
  });

  it('spaces grants evenly, 1/rate apart, instead of bursting', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 20, maxWaitMs: 60_000, now });
    const t0 = start();
    const times: number[] = [];
    const sends = Array.from({ length: 60 }, () =>
      bucket.acquire().then((release) => {
        times.push(Date.now() - t0);
        release();
      }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(sends);
    expect(times).toEqual(Array.from({ length: 60 }, (_, i) => i * 50));
  });

  it('counts a token from the end of its operation, so a slow request cannot crowd a window', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, maxWaitMs: 10_000, now });
    const t0 = start();
    const first = await bucket.acquire();
    await vi.advanceTimersByTimeAsync(500);
    const second = await bucket.acquire();
    let thirdAt: number | undefined;
    const third = bucket.acquire().then((release) => {
      thirdAt = Date.now() - t0;
      return release;
    });
    // Both tokens are out: nothing is handed out however long they stay out.
    await vi.advanceTimersByTimeAsync(2_500);
    expect(thirdAt).toBeUndefined();
    first();
    await vi.advanceTimersByTimeAsync(999);
    expect(thirdAt).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(thirdAt).toBe(4_000);
    second();
    (await third)();
  });

  it('rejects a waiting acquisition promptly when its signal aborts, and gives its place to the next', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, maxWaitMs: 10_000, now });
    const t0 = start();
    (await bucket.acquire())();
    const controller = new AbortController();
    const aborted = bucket.acquire(controller.signal);
    let nextAt: number | undefined;
    const next = bucket.acquire().then((release) => {
      nextAt = Date.now() - t0;
      release();
    });
    expect(bucket.waiting).toBe(2);

    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(bucket.waiting).toBe(1);

    await vi.advanceTimersByTimeAsync(1_000);
    await next;
    // The aborted caller's slot at 1 s went to the one behind it.
    expect(nextAt).toBe(1_000);
  });

  it('rejects at once when the signal already fired', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, maxWaitMs: 10_000, now });
    const reason = new Error('already aborted');
    await expect(bucket.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(bucket.waiting).toBe(0);
  });

  it('fails fast, without queueing, when the wait would exceed maxWaitMs', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, maxWaitMs: 1_000, now });
    const queued = Array.from({ length: 11 }, () => bucket.acquire().then((release) => release()));
    // 1 granted at once, 10 waiting: the 12th would wait 1.1 s.
    expect(bucket.waiting).toBe(10);
    const error = await bucket.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueWaitExceededError);
    expect(error).toMatchObject({ queued: false, maxWaitMs: 1_000, ratePerSecond: 10 });
    expect((error as QueueWaitExceededError).waitMs).toBeCloseTo(1_100);
    expect(bucket.waiting).toBe(10);

    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(queued);
  });

  it('rejects a queued acquisition once it has waited maxWaitMs (a token stayed out)', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, maxWaitMs: 1_500, now });
    const held = await bucket.acquire();
    const waiting = bucket.acquire().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(bucket.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toMatchObject({ name: 'QueueWaitExceededError', queued: true });
    expect(bucket.waiting).toBe(0);
    held();
  });

  it('applies a new rate to callers already waiting', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, maxWaitMs: 10_000, now });
    const t0 = start();
    const times: number[] = [];
    const sends = Array.from({ length: 4 }, () =>
      bucket.acquire().then((release: ReleaseToken) => {
        times.push(Date.now() - t0);
        release();
      }),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    bucket.setRate(10);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(sends);
    expect(times).toEqual([0, 1_000, 1_100, 1_200]);
  });

  it('uses the injected clock and sleep', async () => {
    vi.useRealTimers();
    let clock = 0;
    const sleeps: number[] = [];
    const bucket = new TokenBucket({
      ratePerSecond: 4,
      maxWaitMs: 10_000,
      now: () => clock,
      // Virtual time: a sleep passes at once, after the callers woken before it have run.
      sleep: (ms) =>
        new Promise((resolve) => {
          setImmediate(() => {
            sleeps.push(ms);
            clock += ms;
            resolve();
          });
        }),
    });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 3 }, () =>
        bucket.acquire().then((release) => {
          times.push(clock);
          release();
        }),
      ),
    );
    expect(times).toEqual([0, 250, 500]);
    expect(sleeps).toEqual([250, 250]);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, maxWaitMs: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: Number.NaN, maxWaitMs: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, maxWaitMs: -1 })).toThrow(RangeError);
  });
});
