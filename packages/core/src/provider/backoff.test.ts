import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error.js';
import { backoffDelayMs, defaultBackoffMaxMs, retryWithBackoff } from './backoff.js';
import { sleep } from './sleep.js';

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each attempt, with full jitter below it', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, { random: top }))).toEqual([
      199, 399, 799, 1599,
    ]);
    expect(backoffDelayMs(3, { random: () => 0 })).toBe(0);
    expect(backoffDelayMs(3, { random: () => 0.5 })).toBe(400);
    expect(backoffDelayMs(2, { random: () => 0.5, baseMs: 10 })).toBe(10);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(20, { random: () => 0.999_999 })).toBeLessThan(defaultBackoffMaxMs);
    expect(backoffDelayMs(20, { random: () => 0.999_999, maxMs: 50 })).toBeLessThan(50);
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

const retryable = () => new ConnectorError('provider_unavailable', 'down');
const final = () => new ConnectorError('message_rejected', 'no');
const noWait = { random: () => 0 };

describe('retryWithBackoff', () => {
  it('retries retryable failures until one succeeds, passing the attempt number', async () => {
    const seen: number[] = [];
    const result = await retryWithBackoff(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw retryable();
        return `ok after ${attempt}`;
      },
      { maxAttempts: 5, abortedError: () => new Error('aborted'), ...noWait },
    );
    expect(result).toBe('ok after 3');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up at maxAttempts with the last failure, and never retries a final one', async () => {
    let calls = 0;
    const spent = retryWithBackoff(
      async () => {
        calls += 1;
        throw retryable();
      },
      { maxAttempts: 3, abortedError: () => new Error('aborted'), ...noWait },
    );
    await expect(spent).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(calls).toBe(3);

    calls = 0;
    const refused = retryWithBackoff(
      async () => {
        calls += 1;
        throw final();
      },
      { maxAttempts: 3, abortedError: () => new Error('aborted'), ...noWait },
    );
    await expect(refused).rejects.toMatchObject({ code: 'message_rejected' });
    expect(calls).toBe(1);
  });

  it('ends a backoff wait at once when the signal fires, with the aborted error', async () => {
    const controller = new AbortController();
    let calls = 0;
    const running = retryWithBackoff(
      async () => {
        calls += 1;
        setImmediate(() => controller.abort());
        throw retryable();
      },
      {
        maxAttempts: 5,
        signal: controller.signal,
        // A ten-minute wait: only the abort can end it within the test.
        baseMs: 600_000,
        maxMs: 600_000,
        random: () => 1,
        abortedError: (last, attempts) => ({ aborted: true, last, attempts }),
      },
    );
    await expect(running).rejects.toMatchObject({ aborted: true, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('starts no attempt once the signal fired', async () => {
    const controller = new AbortController();
    let calls = 0;
    const running = retryWithBackoff(
      async () => {
        calls += 1;
        controller.abort();
        throw retryable();
      },
      { maxAttempts: 5, signal: controller.signal, abortedError: () => 'aborted', ...noWait },
    );
    await expect(running).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(calls).toBe(1);
  });
});
