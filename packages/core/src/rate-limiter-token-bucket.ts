import {
  QueueWaitExceededError,
  type ReleaseToken,
  rateLimitCapacity,
  rateLimitWindowMs,
} from './rate-limiter.js';

export interface TokenBucketOptions {
  /** Tokens handed out per second (for SES: `MaxSendRate`, recipients per second). */
  ratePerSecond: number;
  /** The longest an `acquire()` may wait; beyond it, it rejects with `QueueWaitExceededError`. */
  maxWaitMs: number;
  /** A monotonic clock in ms. Default `performance.now`. */
  now?: () => number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). Default: `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Waiter {
  deadline: number;
  tokens: number;
  resolve(release: ReleaseToken): void;
  reject(error: unknown): void;
  detach(): void;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function assertMaxWait(maxWaitMs: number): void {
  if (!(Number.isFinite(maxWaitMs) && maxWaitMs >= 0)) {
    throw new RangeError(`maxWaitMs must be 0 or more, got ${maxWaitMs}`);
  }
}

function assertRate(rate: number): void {
  if (!(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${rate}`);
  }
}

/**
 * Paces operations to at most `ratePerSecond` in any one-second window, first come first served.
 *
 * The bucket holds `floor(rate)` tokens (at least 1), handed out at least `1 / rate` apart so
 * operations are spread evenly instead of bursting. A token taken by an operation comes back one
 * window after the operation *finished*, not after it started: the server counts a request when
 * it arrives, which is somewhere between the two, so counting from the end keeps every window
 * within the rate however late a request reaches it (network jitter, a slow first request).
 */
export class TokenBucket {
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  #maxWaitMs: number;
  #rate = 1;
  #capacity = 1;
  #windowMs = 1000;
  #intervalMs = 1000;
  #lastGrantAt = Number.NEGATIVE_INFINITY;
  #lastGrantTokens = 1;
  #inFlight = 0;
  /** When released tokens come back, ascending. */
  #returns: number[] = [];
  #queue: Waiter[] = [];
  #pumping = false;
  #wake = new AbortController();

  constructor(options: TokenBucketOptions) {
    assertMaxWait(options.maxWaitMs);
    this.#maxWaitMs = options.maxWaitMs;
    this.#now = options.now ?? (() => performance.now());
    this.#sleep = options.sleep ?? defaultSleep;
    this.setRate(options.ratePerSecond);
  }

  get ratePerSecond(): number {
    return this.#rate;
  }

  /** Changes the longest wait of later acquisitions; those already waiting keep theirs. */
  setMaxWaitMs(maxWaitMs: number): void {
    assertMaxWait(maxWaitMs);
    this.#maxWaitMs = maxWaitMs;
  }

  /** Callers waiting for a token. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Changes the rate; waiting callers keep their place. */
  setRate(ratePerSecond: number): void {
    assertRate(ratePerSecond);
    this.#rate = ratePerSecond;
    this.#capacity = rateLimitCapacity(ratePerSecond);
    this.#intervalMs = 1000 / ratePerSecond;
    // Below 1 per second a single token covers 1/rate seconds.
    this.#windowMs = rateLimitWindowMs(ratePerSecond);
    this.#wakeUp();
  }

  /**
   * Resolves with a release function once the caller may proceed. Rejects with the signal's
   * reason when `signal` aborts while waiting (the place in the queue is given up), and with
   * `QueueWaitExceededError` when the wait would be longer than `maxWaitMs`. `tokens` above the
   * bucket's size wait for an empty bucket (SES lets such a message through when nothing else
   * was sent in the last second).
   */
  acquire(signal?: AbortSignal, tokens = 1): Promise<ReleaseToken> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!(Number.isSafeInteger(tokens) && tokens >= 1)) {
      return Promise.reject(new RangeError(`tokens must be a positive integer, got ${tokens}`));
    }
    const now = this.#now();
    const ready = this.#queue.length === 0 ? this.#earliestGrant(now, tokens) : undefined;
    if (ready !== undefined && ready <= now) return Promise.resolve(this.#grant(now, tokens));

    // A lower bound (tokens still out are assumed back at once): refusing on it is never wrong.
    const start =
      this.#earliestGrant(now, tokens) ??
      Math.max(now, this.#lastGrantAt + this.#lastGrantTokens * this.#intervalMs);
    const queued = this.#queue.reduce((sum, waiter) => sum + waiter.tokens, 0);
    const estimate = start + queued * this.#intervalMs - now;
    if (estimate > this.#maxWaitMs) {
      return Promise.reject(
        new QueueWaitExceededError(estimate, this.#maxWaitMs, this.#rate, false),
      );
    }

    return new Promise<ReleaseToken>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#queue.indexOf(waiter);
        if (index === -1) return;
        this.#queue.splice(index, 1);
        reject(signal?.reason);
        this.#wakeUp();
      };
      const waiter: Waiter = {
        deadline: now + this.#maxWaitMs,
        tokens,
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      void this.#pump();
    });
  }

  #grant(now: number, tokens: number): ReleaseToken {
    this.#inFlight += tokens;
    // The actual time, not the scheduled one: a late timer must not turn into a catch-up burst.
    this.#lastGrantAt = now;
    this.#lastGrantTokens = tokens;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight -= tokens;
      const at = this.#now() + this.#windowMs;
      const index = this.#returns.findIndex((time) => time > at);
      const returning = Array.from({ length: tokens }, () => at);
      if (index === -1) this.#returns.push(...returning);
      else this.#returns.splice(index, 0, ...returning);
      this.#wakeUp();
    };
  }

  /** When the next token may be handed out; undefined while it waits on a token still out. */
  #earliestGrant(now: number, tokens: number): number | undefined {
    while (this.#returns.length > 0 && (this.#returns[0] as number) <= now) this.#returns.shift();
    const spacing = Math.max(now, this.#lastGrantAt + this.#lastGrantTokens * this.#intervalMs);
    const needed =
      this.#inFlight + this.#returns.length - this.#capacity + Math.min(tokens, this.#capacity);
    if (needed <= 0) return spacing;
    const back = this.#returns[needed - 1];
    return back === undefined ? undefined : Math.max(spacing, back);
  }

  #wakeUp(): void {
    this.#wake.abort();
    this.#wake = new AbortController();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const now = this.#now();
        const head = this.#queue[0] as Waiter;
        const at = this.#earliestGrant(now, head.tokens);
        if (at !== undefined && at <= now) {
          this.#queue.shift();
          head.detach();
          head.resolve(this.#grant(now, head.tokens));
          continue;
        }
        if (head.deadline <= now) {
          this.#queue.shift();
          head.detach();
          head.reject(
            new QueueWaitExceededError(this.#maxWaitMs, this.#maxWaitMs, this.#rate, true),
          );
          continue;
        }
        const until = Math.min(at ?? Number.POSITIVE_INFINITY, head.deadline);
        await this.#sleep(Math.max(0, until - now), this.#wake.signal);
      }
    } catch (error) {
      // Only an injected sleep can throw; nobody may be left waiting forever.
      for (const waiter of this.#queue.splice(0)) {
        waiter.detach();
        waiter.reject(error);
      }
    } finally {
      this.#pumping = false;
    }
  }
}
