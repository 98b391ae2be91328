import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueueWaitExceededError } from './rate-limiter.js';
import { createMemoryRateLimiter } from './rate-limiter-memory.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryRateLimiter', () => {
  it('charges tokens per recipient: a 3-recipient send takes 3 of the rate', async () => {
    const limiter = createMemoryRateLimiter({ now: () => Date.now() });
    const t0 = Date.now();
    const times: number[] = [];
    const request = (tokens: number) => ({
      key: 'k',
      tokens,
      ratePerSecond: 10,
      maxWaitMs: 10_000,
    });
    const sends = [3, 3, 3, 3].map((tokens) =>
      limiter.acquire(request(tokens)).then((release) => {
        times.push(Date.now() - t0);
        release();
      }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(sends);
    // 3 tokens at 10/s are 300 ms of the rate each; the fourth send needs 3 of the 10 and only
    // 1 is left until the first send's tokens stop counting, one second after it finished.
    expect(times).toEqual([0, 300, 600, 1000]);
  });

  it('keeps one bucket per key, and follows a new rate and maxWaitMs for the same key', async () => {
    const limiter = createMemoryRateLimiter({ now: () => Date.now() });
    const slow = { key: 'a', tokens: 1, ratePerSecond: 1, maxWaitMs: 100 };
    (await limiter.acquire(slow))();
    await expect(limiter.acquire(slow)).rejects.toBeInstanceOf(QueueWaitExceededError);
    // Another key is not held back by the first.
    await expect(limiter.acquire({ ...slow, key: 'b' })).resolves.toBeTypeOf('function');
    const waited = limiter.acquire({ ...slow, maxWaitMs: 5_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(waited).resolves.toBeTypeOf('function');
  });

  it('lets a send with more recipients than the rate through once the bucket is empty', async () => {
    const limiter = createMemoryRateLimiter({ now: () => Date.now() });
    const release = await limiter.acquire({ key: 'k', tokens: 5, ratePerSecond: 2, maxWaitMs: 0 });
    expect(release).toBeTypeOf('function');
  });
});
