import type {
  CompletedIdempotencyRecord,
  IdempotencyClaim,
  IdempotencyRecord,
  IdempotencyStore,
} from './idempotency-store.js';

export interface MemoryIdempotencyStoreOptions {
  /**
   * The most keys kept at once (default 10 000). When full, expired keys go first, then the
   * oldest: a key evicted within its TTL no longer deduplicates, so size it above the number
   * of sends per TTL.
   */
  maxKeys?: number;
}

interface Entry {
  record: IdempotencyRecord;
  expires: number;
}

const defaultMaxKeys = 10_000;

function copy<T extends IdempotencyRecord>(record: T): T {
  return {
    ...record,
    ...(record.result === undefined ? {} : { result: { ...record.result } }),
  };
}

/**
 * The default `IdempotencyStore`: a bounded map in this process whose entries expire after
 * their TTL. It deduplicates within one process only; share a Redis- or database-backed store
 * between processes (see the README).
 */
export function createMemoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): IdempotencyStore {
  const maxKeys = options.maxKeys ?? defaultMaxKeys;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new RangeError(
      `createMemoryIdempotencyStore: maxKeys must be a positive integer, got ${maxKeys}`,
    );
  }
  const entries = new Map<string, Entry>();

  const live = (key: string, now: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires > now) return entry;
    entries.delete(key);
    return undefined;
  };

  const put = (key: string, record: IdempotencyRecord, ttlMs: number, now: number): void => {
    // Re-inserting moves the key to the end of the map's order, which is the eviction order.
    entries.delete(key);
    if (entries.size >= maxKeys) {
      for (const [k, entry] of entries) {
        if (entry.expires <= now) entries.delete(k);
      }
      for (const k of entries.keys()) {
        if (entries.size < maxKeys) break;
        entries.delete(k);
      }
    }
    entries.set(key, { record: copy(record), expires: now + ttlMs });
  };

  // No `await` in these bodies: each runs to completion in one turn, which makes claim atomic.
  return {
    async get(key) {
      const entry = live(key, Date.now());
      return entry === undefined ? undefined : copy(entry.record);
    },
    async set(key, record, ttlMs) {
      put(key, record, ttlMs, Date.now());
    },
    async delete(key) {
      entries.delete(key);
    },
    async claim(key, record, ttlMs): Promise<IdempotencyClaim> {
      const now = Date.now();
      const entry = live(key, now);
      if (entry === undefined) {
        put(key, record, ttlMs, now);
        return { status: 'claimed' };
      }
      const existing = copy(entry.record);
      return existing.result === undefined
        ? { status: 'pending', record: existing }
        : { status: 'done', record: existing as CompletedIdempotencyRecord };
    },
  };
}
