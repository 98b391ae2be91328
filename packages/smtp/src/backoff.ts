import { setTimeout as delay } from 'node:timers/promises';

export const retryBaseDelayMs = 200;
export const retryMaxDelayMs = 5_000;

/**
 * How long to wait before attempt `attempt + 1`: exponential backoff with full jitter
 * (a random delay up to 200 ms, 400 ms, 800 ms, … capped at 5 s), so parallel sends that failed
 * together do not come back together. `random` is injectable for tests.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal });
}
