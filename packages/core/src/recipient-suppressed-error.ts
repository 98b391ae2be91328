import { ConnectorError } from './connector-error.js';
import { maskAddress } from './mailbox.js';
import type { SuppressionEntry, SuppressionReason } from './suppression-store.js';

const reasonText: Record<SuppressionReason, string> = {
  bounce: 'it hard-bounced',
  complaint: 'its owner marked a message as spam',
  manual: 'it was added by hand',
};

/**
 * A send refused before reaching the provider because the recipient is on the suppression list.
 * Code `message_rejected`, never retryable: the same send fails until the entry is removed.
 */
export class RecipientSuppressedError extends ConnectorError {
  readonly reason: SuppressionReason;
  readonly suppressedAt: string;

  constructor(entry: SuppressionEntry, provider: string) {
    super(
      'message_rejected',
      `The recipient ${maskAddress(entry.address)} is on the suppression list: ${reasonText[entry.reason] ?? 'it was suppressed'} (${entry.suppressedAt}). Nothing was sent.`,
      {
        provider,
        retryable: false,
        providerCode: 'RecipientSuppressed',
        hint:
          entry.reason === 'complaint'
            ? 'Do not send to an address that complained unless its owner asks again; to lift it, delete the address from the suppression store.'
            : 'Ask the user to check the address (a typo is the usual cause); once it is fixed, delete it from the suppression store to send again.',
      },
    );
    this.name = 'RecipientSuppressedError';
    this.reason = entry.reason;
    this.suppressedAt = entry.suppressedAt;
  }

  /** True for a RecipientSuppressedError from any copy of this package. */
  static is(value: unknown): value is RecipientSuppressedError {
    return ConnectorError.isInstance(value) && value.providerCode === 'RecipientSuppressed';
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, suppressedAt: this.suppressedAt };
  }
}
