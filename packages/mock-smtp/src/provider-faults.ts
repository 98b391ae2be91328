import type { ProviderFaultKind } from '@org/connector-core/testing';
import { SmtpMockInputError } from './smtp-mock-input-error.js';
import type { SmtpFault } from './types.js';

const defaultLatencyMs = 1_000;

/**
 * How an SMTP server answers each provider-neutral fault of the conformance suite: the replies
 * real servers give in that situation (Postfix, Gmail, Microsoft 365, Amazon SES wording).
 */
export function providerFault(kind: ProviderFaultKind, latencyMs?: number): SmtpFault {
  switch (kind) {
    case 'throttle':
      return {
        kind: 'reply',
        stage: 'MAIL',
        code: 451,
        message: '4.7.1 Rate limit exceeded: too many messages, slow down',
      };
    case 'quota_exhausted':
      return {
        kind: 'reply',
        stage: 'MAIL',
        code: 550,
        message: '5.4.5 Daily sending quota exceeded',
      };
    case 'rejected_identity':
      return {
        kind: 'reply',
        stage: 'MAIL',
        code: 553,
        message: '5.7.1 Sender address rejected: not owned by the authenticated user',
      };
    case 'auth_failure':
      return {
        kind: 'reply',
        stage: 'AUTH',
        code: 535,
        message: '5.7.8 Authentication credentials invalid',
      };
    case 'unavailable':
      return {
        kind: 'reply',
        stage: 'MAIL',
        code: 421,
        message: '4.3.2 Service not available, closing transmission channel',
      };
    case 'network_error':
      return { kind: 'drop', stage: 'MAIL' };
    case 'latency':
      return { kind: 'delay', stage: 'MAIL', ms: latencyMs ?? defaultLatencyMs };
    default: {
      const unknown: never = kind;
      throw new SmtpMockInputError(
        'invalid_fault',
        `Unknown provider fault: ${JSON.stringify(unknown)}; expected throttle, quota_exhausted, rejected_identity, auth_failure, unavailable, network_error or latency.`,
      );
    }
  }
}
