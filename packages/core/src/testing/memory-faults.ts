import { ConnectorError } from '../connector-error.js';
import { type FaultVariants, pickFaultVariant } from './fault-variants.js';
import { type ProviderErrorFaultKind, providerFaultOutcomes } from './provider-mock.js';

/**
 * The wire forms of each fault as the memory "provider" tells them apart; the code of every
 * form comes from the shared `providerFaultOutcomes` table.
 */
export const memoryFaultVariants: FaultVariants<string> = {
  throttle: {
    'too-many-requests': 'The memory provider throttled the send (injected fault).',
    'sending-rate': 'The memory provider’s maximum sending rate was exceeded (injected fault).',
  },
  quota_exhausted: {
    'daily-quota': 'The memory provider’s daily sending quota is spent (injected fault).',
    'sending-paused': 'Sending is paused for the memory provider account (injected fault).',
  },
  rejected_identity: {
    'sender-not-verified':
      'The memory provider rejected the message: the sender identity is not verified (injected fault).',
  },
  auth_failure: {
    'invalid-credentials': 'The memory provider refused the credentials (injected fault).',
    'access-denied': 'The memory provider denied the permission to send (injected fault).',
  },
  unavailable: {
    'internal-error': 'The memory provider failed internally (injected fault).',
    'bad-gateway': 'The memory provider answered bad gateway (injected fault).',
    'service-unavailable': 'The memory provider is unavailable (injected fault).',
    'gateway-timeout': 'The memory provider answered gateway timeout (injected fault).',
  },
  network_error: {
    'connection-reset': 'The connection to the memory provider was reset (injected fault).',
    'connection-refused': 'The memory provider refused the connection (injected fault).',
  },
};

const faultHints: Record<ProviderErrorFaultKind, string> = {
  throttle: 'Retry later or send more slowly.',
  quota_exhausted: 'Wait for the quota to reset or raise it.',
  rejected_identity: 'Verify the sender identity.',
  auth_failure: 'Check the credentials and permissions.',
  unavailable: 'Retry later.',
  network_error: 'Retry later.',
};

/**
 * The error an injected fault makes the memory provider throw, as a real provider's connector
 * would map it: the code from the shared outcome table, the SDK-like error kept as `cause`.
 */
export function memoryFaultError(
  fault: ProviderErrorFaultKind,
  variant?: string,
): () => ConnectorError {
  const message = pickFaultVariant(
    memoryFaultVariants,
    fault,
    variant,
    (problem) => new RangeError(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}`),
  );
  const form = variant ?? Object.keys(memoryFaultVariants[fault])[0]!;
  const { code } = providerFaultOutcomes[fault];
  return () =>
    new ConnectorError(code, message, {
      provider: 'memory',
      hint: faultHints[fault],
      providerCode: `${fault}:${form}`,
      attempts: 1,
      // What a real provider's SDK would have thrown; the conformance suite checks it is kept.
      cause: Object.assign(new Error(message), {
        name: 'MemoryProviderFault',
        fault,
        variant: form,
      }),
    });
}
