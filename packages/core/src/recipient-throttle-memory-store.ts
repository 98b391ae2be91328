import type { RecipientThrottleHit, RecipientThrottleStore } from './recipient-throttle-store.js';

export interface MemoryRecipientThrottleStoreOptions {
  /**
   * The most recipients tracked at once (default 100 000). When full, the recipient seen
   * longest ago is forgotten first (its count restarts), so size it above the distinct
   * recipients per window.
   */
  maxKeys?: number;
  /** A clock in ms. Default `Date.now`. */
  now?: () => number;
}

const defaultMaxKeys = 100_000;

/**
 * The default `RecipientThrottleStore`: a sliding log of send times per recipient in this
 * process. It throttles within one process only; share a Redis-backed store between processes.
 */
export function createMemoryRecipientThrottleStore(
  options: MemoryRecipientThrottleStoreOptions = {},
): RecipientThrottleStore {
  const maxKeys = options.maxKeys ?? defaultMaxKeys;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new RangeError(
      `createMemoryRecipientThrottleStore: maxKeys must be a positive integer, got ${maxKeys}`,
    );
  }
  const now = options.now ?? Date.now;
  const logs = new Map<string, number[]>();

  // No `await` in the body: it runs to completion in one turn, which makes `hit` atomic.
  return {
    async hit(key, max, windowMs): Promise<RecipientThrottleHit> {
      const at = now();
      const log = (logs.get(key) ?? []).filter((time) => time > at - windowMs);
      // Re-inserting moves the key to the end of the map's order, which is the eviction order.
      logs.delete(key);
      if (log.length >= max) {
        logs.set(key, log);
        return {
          allowed: false,
          count: log.length,
          retryAfterMs: Math.max(1, (log[log.length - max] as number) + windowMs - at),
        };
      }
      log.push(at);
      if (logs.size >= maxKeys) {
        for (const k of logs.keys()) {
          if (logs.size < maxKeys) break;
          logs.delete(k);
        }
      }
      logs.set(key, log);
      return { allowed: true, count: log.length, retryAfterMs: 0 };
    },
  };
}
