import type { SendResult } from './send-result.js';

/**
 * What an idempotency store keeps under a key. It never holds the message itself: only a
 * digest of it, and the provider's result once the send succeeded.
 */
export interface IdempotencyRecord {
  /**
   * Hex SHA-256 (or HMAC-SHA-256, see `IdempotencyOptions.secret`) of the canonical message
   * (recipient, usage type, payload): tells a retry of the same message from a key reused
   * for another one.
   */
  fingerprint: string;
  /** Present once the send succeeded; absent while the claiming send is in flight. */
  result?: SendResult;
}

/** A record whose send has finished. */
export type CompletedIdempotencyRecord = IdempotencyRecord & { result: SendResult };

/** The outcome of `IdempotencyStore.claim`. */
export type IdempotencyClaim =
  /** This caller now owns the key and must send, then `set` the result or `delete` the key. */
  | { status: 'claimed' }
  /** A send with this key already succeeded within its TTL. */
  | { status: 'done'; record: CompletedIdempotencyRecord }
  /** Another caller (maybe in another process) owns the key and is still sending. */
  | { status: 'pending'; record: IdempotencyRecord };

/**
 * Where idempotency keys live. The default keeps them in memory (one process); implement this
 * over Redis or a database table to deduplicate across processes. Keys arrive already scoped
 * and hashed (`idem:<provider>/<connector id>:<digest>`), values are small JSON-able objects.
 *
 * Only `claim` must be atomic: two concurrent claims of one key may never both see `claimed`.
 */
export interface IdempotencyStore {
  /** The live record under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the finished record (replacing the claim) for `ttlMs`. */
  set(key: string, record: CompletedIdempotencyRecord, ttlMs: number): Promise<void>;
  /** Releases a key (after a failed send), so the next send with it goes out. */
  delete(key: string): Promise<void>;
  /**
   * Atomically: when no live record is under `key`, stores `record` (a claim without a result)
   * for `ttlMs` and answers `claimed`; otherwise answers what is there (`done` or `pending`).
   * The claim's TTL is a lease: if its owner dies, the key frees itself when it runs out.
   */
  claim(key: string, record: IdempotencyRecord, ttlMs: number): Promise<IdempotencyClaim>;
}
