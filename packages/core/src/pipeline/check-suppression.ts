import { ConnectorError } from '../connector-error.js';
import type { OutgoingEmail } from '../contract.js';
import { RecipientSuppressedError } from '../recipient-suppressed-error.js';
import {
  normalizeSuppressionAddress,
  type SuppressionOptions,
  type SuppressionStore,
} from '../suppression-store.js';

/**
 * Throws `RecipientSuppressedError` when a recipient of `email` is suppressed. Runs after the
 * email is built and before the transport is called, so a refused send costs no provider call.
 * When the store fails and the policy is to send anyway, `onUnchecked` hears of it.
 */
export async function checkSuppression(
  email: OutgoingEmail,
  options: SuppressionOptions,
  provider: string,
  onUnchecked: (error: unknown) => void,
): Promise<void> {
  for (const recipient of email.to) {
    let entry: Awaited<ReturnType<SuppressionStore['get']>>;
    try {
      entry = await options.store.get(normalizeSuppressionAddress(recipient.address));
    } catch (error) {
      if (options.onStoreError !== 'reject') {
        onUnchecked(error);
        continue;
      }
      throw new ConnectorError('general', 'The suppression store failed; nothing was sent.', {
        provider,
        retryable: true,
        hint: 'Check the suppression store (e.g. its Redis connection), or set suppression.onStoreError to "send".',
        cause: error,
      });
    }
    if (entry !== undefined) throw new RecipientSuppressedError(entry, provider);
  }
}

/** Fails connector creation on a malformed `suppression` option, before any send. */
export function assertSuppressionOptions(
  options: SuppressionOptions | undefined,
  provider: string,
): void {
  if (options === undefined) return;
  const store = (options as { store?: Partial<SuppressionStore> } | null)?.store;
  const onStoreError = (options as { onStoreError?: unknown } | null)?.onStoreError;
  if (typeof store?.get !== 'function') {
    throw new ConnectorError(
      'invalid_config',
      'Invalid connector options: suppression.store must be a SuppressionStore (get, put, delete, list).',
      {
        provider,
        hint: 'Pass { suppression: { store: createMemorySuppressionStore() } } or omit it.',
      },
    );
  }
  if (onStoreError !== undefined && onStoreError !== 'send' && onStoreError !== 'reject') {
    throw new ConnectorError(
      'invalid_config',
      'Invalid connector options: suppression.onStoreError must be "send" or "reject".',
      { provider, hint: 'Omit it to send when the store fails.' },
    );
  }
}
