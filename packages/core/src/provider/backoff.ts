import { ConnectorError } from '../connector-error.js';
import { sleep } from './sleep.js';

export interface BackoffOptions {
  /** The ceiling of the first delay; default 200 ms. */
  baseMs?: number;
  /** The ceiling no delay exceeds; default 5 000 ms. */
  maxMs?: number;
  /** The jitter source, injectable for tests; default `Math.random`. */
  random?: () => number;
}

export const defaultBackoffBaseMs = 200;
export const defaultBackoffMaxMs = 5_000;

/**
 * How long to wait before attempt `attempt + 1`: exponential backoff with full jitter (a random
 * delay up to 200 ms, 400 ms, 800 ms, … capped at 5 s by default), so parallel sends that
 * failed together do not come back together.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const {
    baseMs = defaultBackoffBaseMs,
    maxMs = defaultBackoffMaxMs,
    random = Math.random,
  } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryOptions extends BackoffOptions {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Stops the retries: no attempt starts after it fired, and a backoff wait ends at once. */
  signal?: AbortSignal;
  /** Whether a failure is worth another attempt; default: a `ConnectorError` marked retryable. */
  shouldRetry?(error: unknown, attempt: number): boolean;
  /** The error for a signal that fired during a backoff wait, given the last failure. */
  abortedError(lastError: unknown, attempt: number): unknown;
}

const retryableConnectorError = (error: unknown): boolean =>
  ConnectorError.isInstance(error) && error.retryable;

/**
 * Runs `attempt(n)` until it succeeds, fails for good (`shouldRetry` says no), the attempts are
 * spent or the signal fires; waits with `backoffDelayMs` between attempts. `attempt` should
 * throw errors already mapped to `ConnectorError`s, so `shouldRetry` can read `retryable`.
 */
export async function retryWithBackoff<T>(
  attempt: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const shouldRetry = options.shouldRetry ?? retryableConnectorError;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= options.maxAttempts || options.signal?.aborted || !shouldRetry(error, n)) {
        throw error;
      }
      try {
        await sleep(backoffDelayMs(n, options), options.signal);
      } catch {
        throw options.abortedError(error, n);
      }
    }
  }
}
