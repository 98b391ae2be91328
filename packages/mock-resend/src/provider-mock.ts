import { parseMailbox } from '@org/connector-core';
import type {
  DeliveredEmail,
  InjectOptions,
  ProviderFaultKind,
  ProviderMock,
} from '@org/connector-core/testing';
import type { ResendEngine } from './engine.js';
import type { ResendFault, ResendOutboxMessage } from './types.js';

/** How Resend answers each provider-neutral fault of the conformance suite. */
export function resendFaultFor(kind: ProviderFaultKind, latencyMs?: number): ResendFault {
  switch (kind) {
    case 'throttle':
      return 'rate_limit_exceeded';
    case 'quota_exhausted':
      return 'daily_quota_exceeded';
    case 'rejected_identity':
      return 'domain_not_verified';
    case 'auth_failure':
      return 'invalid_api_key';
    case 'unavailable':
      return 'internal_server_error';
    case 'network_error':
      return 'network_error';
    case 'latency':
      return { kind: 'latency', latencyMs: latencyMs ?? 1_000 };
    default: {
      const unknown: never = kind;
      throw new TypeError(`@org/mock-resend: unknown provider fault '${String(unknown)}'.`);
    }
  }
}

export function toDeliveredEmail(message: ResendOutboxMessage): DeliveredEmail {
  return {
    messageId: message.id,
    from: message.fromAddress,
    fromHeader: message.from,
    to: message.to.map((to) => parseMailbox(to).address),
    replyTo: message.replyTo.map((replyTo) => parseMailbox(replyTo).address),
    subject: message.subject,
    ...(message.html === undefined ? {} : { html: message.html }),
    text: message.text ?? '',
    headers: { ...message.headers },
    tags: Object.fromEntries(message.tags.map(({ name, value }) => [name, value])),
  };
}

const sendPaths = new Set(['/emails', '/emails/batch']);

export function createResendProviderMock(engine: ResendEngine): ProviderMock {
  return {
    sent: () => engine.outbox.map(toDeliveredEmail),
    requestCount: () =>
      engine.log.filter((entry) => entry.method === 'POST' && sendPaths.has(entry.path)).length,
    inject(kind: ProviderFaultKind, options: InjectOptions = {}) {
      engine.fault(resendFaultFor(kind, options.latencyMs), options.times ?? 1);
    },
    reset: () => engine.reset(),
  };
}
