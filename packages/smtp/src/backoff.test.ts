import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryMaxDelayMs, sleep } from './backoff.js';

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each attempt, with full jitter below it', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, top))).toEqual([
      199, 399, 799, 1599,
    ]);
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(400);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(20, () => 0.999_999)).toBeLessThan(retryMaxDelayMs);
  });
});

describe('sleep', () => {
  it('rejects as soon as the signal fires', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow();
  });
});
