import type { RateLimiter } from './rate-limiter.js';
import { TokenBucket } from './rate-limiter-token-bucket.js';

export interface MemoryRateLimiterOptions {
  /** A monotonic clock in ms. Default `performance.now` (tests inject a fake one). */
  now?: () => number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). Default: `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * The default `RateLimiter`: one token bucket per key in this process, first come first
 * served. It keeps one process within the rate; several processes sending for one account
 * need a shared limiter (e.g. `createRedisRateLimiter` from `@org/connector-store-redis`).
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const buckets = new Map<string, TokenBucket>();
  return {
    acquire({ key, tokens, ratePerSecond, maxWaitMs, signal }) {
      let bucket = buckets.get(key);
      try {
        if (bucket === undefined) {
          bucket = new TokenBucket({
            ratePerSecond,
            maxWaitMs,
            ...(options.now === undefined ? {} : { now: options.now }),
            ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
          });
          buckets.set(key, bucket);
        } else {
          if (bucket.ratePerSecond !== ratePerSecond) bucket.setRate(ratePerSecond);
          bucket.setMaxWaitMs(maxWaitMs);
        }
      } catch (error) {
        return Promise.reject(error);
      }
      return bucket.acquire(signal, tokens);
    },
  };
}
