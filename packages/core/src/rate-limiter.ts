/** Gives tokens back; call it once the paced operation has finished. Idempotent. */
export type ReleaseToken = () => void;

/** One paced operation's request for tokens. */
export interface RateLimitRequest {
  /**
   * Names the shared limit, e.g. `aws-ses:eu-west-1`: every process that paces against the
   * same provider quota must use the same key (and the same store).
   */
  key: string;
  /** Tokens the operation needs. SES counts recipients, not calls: one token per recipient. */
  tokens: number;
  /** The limit: tokens per second (for SES: `MaxSendRate`). */
  ratePerSecond: number;
  /** The longest the operation may wait; beyond it `acquire` rejects with `QueueWaitExceededError`. */
  maxWaitMs: number;
  /** Gives up the wait (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * Where pacing is counted: shared by every provider that paces. The default
 * (`createMemoryRateLimiter`) counts within one process; a shared store (e.g.
 * `@org/connector-store-redis`) makes a fleet of processes keep one account's rate together.
 *
 * Semantics every implementation keeps: at most `floor(ratePerSecond)` tokens (at least 1)
 * are out or counted at once, tokens are handed out at least `tokens / ratePerSecond` s apart,
 * and a token counts from its grant until one window (1 s, or `1 / rate` below 1 per second)
 * after it was *released*. Counting from the end of the operation keeps every window of the
 * provider within the rate however late a request reaches it.
 */
export interface RateLimiter {
  /**
   * Resolves with a release function once the operation may proceed. Rejects with
   * `QueueWaitExceededError` when the wait would be (or was) longer than `maxWaitMs`, and with
   * the signal's reason when `signal` aborts while waiting.
   */
  acquire(request: RateLimitRequest): Promise<ReleaseToken>;
}

const queueWaitMarker = Symbol.for('@org/connector-core/QueueWaitExceededError');

/** Why `acquire()` gave up: the wait for a token would be (or was) longer than `maxWaitMs`. */
export class QueueWaitExceededError extends Error {
  constructor(
    /** The wait the caller faced: an estimate when `queued` is false, else `maxWaitMs`. */
    readonly waitMs: number,
    readonly maxWaitMs: number,
    readonly ratePerSecond: number,
    /** False: refused at once, the estimate was already too long. True: waited the full limit. */
    readonly queued: boolean,
  ) {
    super(
      queued
        ? `No token within ${maxWaitMs} ms at ${ratePerSecond} per second.`
        : `A token would take about ${Math.ceil(waitMs)} ms at ${ratePerSecond} per second, longer than ${maxWaitMs} ms.`,
    );
    this.name = 'QueueWaitExceededError';
    Object.defineProperty(this, queueWaitMarker, { value: true, enumerable: false });
  }

  /** True for a QueueWaitExceededError from any copy of this package (stores ship their own). */
  static isInstance(value: unknown): value is QueueWaitExceededError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[queueWaitMarker] === true
    );
  }
}

/** The bucket size at a rate: `floor(rate)` tokens, at least 1. */
export function rateLimitCapacity(ratePerSecond: number): number {
  return Math.max(1, Math.floor(ratePerSecond));
}

/** How long a released token keeps counting: 1 s, or `1 / rate` below 1 per second. */
export function rateLimitWindowMs(ratePerSecond: number): number {
  return Math.max(1000, 1000 / ratePerSecond);
}
