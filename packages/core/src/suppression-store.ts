/** Why an address is on the suppression list. */
export type SuppressionReason = 'bounce' | 'complaint' | 'manual';

export const suppressionReasons: readonly SuppressionReason[] = Object.freeze([
  'bounce',
  'complaint',
  'manual',
]);

/** One suppressed address. Small and JSON-able, so any key-value store can keep it. */
export interface SuppressionEntry {
  /** The address as `normalizeSuppressionAddress` returns it (lower case, no display name). */
  address: string;
  reason: SuppressionReason;
  /** When the address was suppressed: ISO 8601, UTC. */
  suppressedAt: string;
  /** The provider that reported the bounce or complaint, e.g. `aws-ses`. */
  provider?: string;
  /** The provider's id of the message that bounced or drew the complaint. */
  messageId?: string;
  /** A short, human-readable reason, e.g. the bounce's diagnostic code (at most 500 characters). */
  detail?: string;
}

export interface SuppressionListOptions {
  /** At most this many entries (the store may return fewer). Default: the store's own page size. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface SuppressionListPage {
  entries: SuppressionEntry[];
  /** Present when more entries follow; pass it as `cursor` to read them. */
  nextCursor?: string;
}

/**
 * Where suppressed recipients live: addresses that hard-bounced or complained, so the next send
 * to them fails fast instead of hurting the sender's reputation. The default keeps them in
 * memory (`createMemorySuppressionStore`); implement this over Redis or a table to share the
 * list between processes.
 *
 * Addresses arrive already normalized (`normalizeSuppressionAddress`): implementations compare
 * them as plain strings. Every method may be called concurrently; `put` replaces the entry for
 * its address (last writer wins), `delete` of an absent address is not an error.
 */
export interface SuppressionStore {
  /** The entry for `address`, or `undefined` when it is not suppressed. */
  get(address: string): Promise<SuppressionEntry | undefined>;
  /** Suppresses `entry.address`, replacing any entry it had. */
  put(entry: SuppressionEntry): Promise<void>;
  /** Lifts the suppression of `address` (e.g. after the user fixed a typo in it). */
  delete(address: string): Promise<void>;
  /** Reads the list page by page, in no promised order. */
  list(options?: SuppressionListOptions): Promise<SuppressionListPage>;
}

/** `ConnectorOptions.suppression`: refuse sends to suppressed recipients before the provider. */
export interface SuppressionOptions {
  store: SuppressionStore;
  /**
   * What a send does when the store itself fails (e.g. Redis is down). `send` (default) sends
   * anyway: a verification code that goes out beats a user locked out by an outage. `reject`
   * fails the send with a retryable `general` error instead.
   */
  onStoreError?: 'send' | 'reject';
}

/**
 * The key a suppression store files an address under: trimmed and lower-cased. Mailbox
 * providers treat the local part case-insensitively in practice, and SES's own suppression
 * list does too, so `Jane@Example.com` and `jane@example.com` are one entry.
 */
export function normalizeSuppressionAddress(address: string): string {
  return address.trim().toLowerCase();
}
