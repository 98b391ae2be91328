import { parseMailbox } from '@org/connector-core';
import type {
  DeliveredEmail,
  InjectOptions,
  ProviderFaultKind,
  ProviderMock,
} from '@org/connector-core/testing';
import type { PostmarkEngine } from './engine.js';
import type { PostmarkFault, PostmarkOutboxMessage } from './types.js';

/** How Postmark answers each provider-neutral fault of the conformance suite. */
export function postmarkFaultFor(kind: ProviderFaultKind, latencyMs?: number): PostmarkFault {
  switch (kind) {
    case 'throttle':
      return 'rate_limit';
    case 'quota_exhausted':
      return 'not_allowed_to_send';
    case 'rejected_identity':
      return 'sender_not_found';
    case 'auth_failure':
      return 'invalid_token';
    case 'unavailable':
      return 'internal_error';
    case 'network_error':
      return 'network_error';
    case 'latency':
      return { kind: 'latency', latencyMs: latencyMs ?? 1_000 };
    default: {
      const unknown: never = kind;
      throw new TypeError(`@org/mock-postmark: unknown provider fault '${String(unknown)}'.`);
    }
  }
}

/**
 * The conformance view. Postmark has one Tag and string Metadata per message: tags reach it as
 * Metadata (the connector's choice), so `DeliveredEmail.tags` is the Metadata.
 */
export function toDeliveredEmail(message: PostmarkOutboxMessage): DeliveredEmail {
  return {
    messageId: message.messageId,
    from: message.fromAddress,
    fromHeader: message.from,
    to: message.to.map((to) => parseMailbox(to).address),
    replyTo: message.replyTo.map((replyTo) => parseMailbox(replyTo).address),
    subject: message.subject,
    ...(message.html === undefined ? {} : { html: message.html }),
    text: message.text ?? '',
    headers: Object.fromEntries(message.headers.map(({ name, value }) => [name, value])),
    tags: { ...message.metadata },
  };
}

const sendPaths = new Set(['/email', '/email/batch']);

export function createPostmarkProviderMock(engine: PostmarkEngine): ProviderMock {
  return {
    sent: () => engine.outbox.map(toDeliveredEmail),
    requestCount: () =>
      engine.log.filter((entry) => entry.method === 'POST' && sendPaths.has(entry.path)).length,
    inject(kind: ProviderFaultKind, options: InjectOptions = {}) {
      engine.fault(postmarkFaultFor(kind, options.latencyMs), options.times ?? 1);
    },
    reset: () => engine.reset(),
  };
}
