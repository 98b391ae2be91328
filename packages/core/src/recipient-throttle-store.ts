/** The outcome of one `RecipientThrottleStore.hit`. */
export interface RecipientThrottleHit {
  /** True when the send was counted and may go out. */
  allowed: boolean;
  /** Sends counted in the window, this one included when allowed. */
  count: number;
  /** When refused: ms until the oldest counted send leaves the window. 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Where per-recipient send counts live. The default keeps them in memory (one process);
 * `@org/connector-store-redis` shares them across processes. Keys arrive already hashed
 * (`rcpt:<HMAC of the normalized address>`): a store never sees an address.
 *
 * `hit` must be atomic: drop the sends older than `windowMs`, then, when fewer than `max`
 * remain, count this one. Two concurrent hits may never both take the last slot.
 */
export interface RecipientThrottleStore {
  hit(key: string, max: number, windowMs: number): Promise<RecipientThrottleHit>;
}
