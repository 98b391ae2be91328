import {
  type FaultVariants,
  type ProviderFaultKind,
  pickFaultVariant,
} from '@org/connector-core/testing';
import { SmtpMockInputError } from './smtp-mock-input-error.js';
import type { SmtpFault } from './types.js';

const defaultLatencyMs = 1_000;

const reply = (stage: SmtpFault['stage'], code: number, message: string): SmtpFault => ({
  kind: 'reply',
  stage,
  code,
  message,
});

/**
 * How an SMTP server answers each provider-neutral fault of the conformance suite, in every
 * form real servers use for it (Postfix, Gmail, Microsoft 365, Amazon SES wording); the first
 * form of each is the default.
 */
export const providerFaultVariants: FaultVariants<SmtpFault> = {
  throttle: {
    'MAIL-451-rate-limit': reply(
      'MAIL',
      451,
      '4.7.1 Rate limit exceeded: too many messages, slow down',
    ),
    'MAIL-450-too-many-messages': reply(
      'MAIL',
      450,
      '4.2.1 Too many messages from this sender, try again later',
    ),
    'MAIL-421-too-many-connections': reply('MAIL', 421, '4.7.0 Too many connections, slow down'),
  },
  quota_exhausted: {
    'MAIL-550-daily-quota': reply('MAIL', 550, '5.4.5 Daily sending quota exceeded'),
    'MAIL-554-account-suspended': reply('MAIL', 554, '5.7.0 Account suspended: sending disabled'),
  },
  rejected_identity: {
    'MAIL-553-sender-not-owned': reply(
      'MAIL',
      553,
      '5.7.1 Sender address rejected: not owned by the authenticated user',
    ),
    'MAIL-550-sender-not-verified': reply(
      'MAIL',
      550,
      '5.7.1 Sender address is not verified for this account',
    ),
  },
  auth_failure: {
    'AUTH-535-invalid': reply('AUTH', 535, '5.7.8 Authentication credentials invalid'),
    'AUTH-534-app-password': reply('AUTH', 534, '5.7.9 Application-specific password required'),
    'MAIL-530-auth-required': reply('MAIL', 530, '5.7.0 Authentication required'),
  },
  unavailable: {
    'MAIL-421-closing': reply(
      'MAIL',
      421,
      '4.3.2 Service not available, closing transmission channel',
    ),
    'MAIL-451-local-error': reply('MAIL', 451, '4.3.0 Local error in processing'),
    'DATA-451-queue-unavailable': reply('DATA', 451, '4.3.0 Queue temporarily unavailable'),
    'DATA-421-shutting-down': reply(
      'DATA',
      421,
      '4.3.2 System shutting down, closing transmission channel',
    ),
  },
  network_error: {
    'MAIL-drop': { kind: 'drop', stage: 'MAIL' },
    'DATA-drop': { kind: 'drop', stage: 'DATA' },
  },
};

/**
 * The SMTP fault for a provider-neutral one, in the given wire form (default: the first).
 */
export function providerFault(
  kind: ProviderFaultKind,
  latencyMs?: number,
  variant?: string,
): SmtpFault {
  if (kind === 'latency') {
    return { kind: 'delay', stage: 'MAIL', ms: latencyMs ?? defaultLatencyMs };
  }
  return pickFaultVariant(
    providerFaultVariants,
    kind,
    variant,
    (message) =>
      new SmtpMockInputError(
        'invalid_fault',
        `${message.charAt(0).toUpperCase()}${message.slice(1)}`,
      ),
  );
}
