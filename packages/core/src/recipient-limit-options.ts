import type { RecipientThrottleStore } from './recipient-throttle-store.js';

/** `ConnectorOptions.recipientLimit`: a cap on sends to one recipient. */
export interface RecipientLimitOptions {
  /** The most sends to one recipient within `windowMs`. */
  max: number;
  /** The sliding window, in ms (e.g. 600 000 for 10 minutes). */
  windowMs: number;
  /**
   * Where the counts live. Default: memory, per connector (one process). Share one store
   * (e.g. `createRedisRecipientThrottleStore`) to hold the limit across processes.
   */
  store?: RecipientThrottleStore;
  /**
   * HMAC key for the recipient digests the store sees. Required with a shared `store` (every
   * process needs the same one; `idempotency.secret` is used when this is absent): a plain hash
   * of an address is reversible by guessing. Without a store a random per-connector key is used.
   */
  secret?: string;
}
