import { parseMailbox } from '@org/connector-core';
import {
  type DeliveredEmail,
  type FaultVariants,
  faultVariantNames,
  type InjectOptions,
  type ProviderErrorFaultKind,
  type ProviderFaultKind,
  type ProviderMock,
  pickFaultVariant,
} from '@org/connector-core/testing';
import type { PostmarkEngine } from './engine.js';
import type { PostmarkFault, PostmarkOutboxMessage } from './types.js';

/**
 * Every wire form Postmark (or its edge) answers each provider-neutral fault with; a
 * connector's error mapping must handle all of them. The first of each is the default.
 */
const postmarkFaultVariants: FaultVariants<PostmarkFault> = {
  throttle: {
    'http-429': 'rate_limit',
  },
  quota_exhausted: {
    'ErrorCode-405': 'not_allowed_to_send',
    'ErrorCode-413': 'account_may_not_send',
  },
  rejected_identity: {
    'ErrorCode-400': 'sender_not_found',
    'ErrorCode-401': 'sender_not_confirmed',
  },
  auth_failure: {
    'ErrorCode-10': 'invalid_token',
  },
  unavailable: {
    'http-500': 'internal_error',
    'ErrorCode-100': 'maintenance',
    'http-502': { kind: 'internal_error', status: 502, message: 'Bad Gateway' },
    'http-503': { kind: 'internal_error', status: 503, message: 'Service Unavailable' },
  },
  network_error: {
    'connection-reset': 'network_error',
  },
};

/** How Postmark answers a provider-neutral fault of the conformance suite, in wire form `variant`. */
export function postmarkFaultFor(
  kind: ProviderFaultKind,
  options: InjectOptions = {},
): PostmarkFault {
  if (kind === 'latency') return { kind: 'latency', latencyMs: options.latencyMs ?? 1_000 };
  return pickFaultVariant(
    postmarkFaultVariants,
    kind,
    options.variant,
    (message) => new TypeError(`@org/mock-postmark: ${message}`),
  );
}

const addresses = (mailboxes: string[]): string[] =>
  mailboxes.map((mailbox) => parseMailbox(mailbox).address);

/**
 * The conformance view. Postmark has one Tag and string Metadata per message: tags reach it as
 * Metadata (the connector's choice), so `DeliveredEmail.tags` is the Metadata.
 */
export function toDeliveredEmail(message: PostmarkOutboxMessage): DeliveredEmail {
  const to = addresses(message.to);
  const cc = addresses(message.cc);
  const bcc = addresses(message.bcc);
  return {
    messageId: message.messageId,
    from: message.fromAddress,
    fromHeader: message.from,
    to,
    cc,
    bcc,
    recipients: [...to, ...cc, ...bcc],
    replyTo: addresses(message.replyTo),
    subject: message.subject,
    ...(message.html === undefined ? {} : { html: message.html }),
    text: message.text ?? '',
    headers: Object.fromEntries(message.headers.map(({ name, value }) => [name, value])),
    // Postmark takes custom headers as a `Headers` array of `{ Name, Value }`, in the order sent.
    rawHeaders: message.headers.map(({ name, value }) => ({ name, value })),
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
      engine.fault(postmarkFaultFor(kind, options), options.times ?? 1);
    },
    faultVariants: (kind: ProviderErrorFaultKind) => faultVariantNames(postmarkFaultVariants, kind),
    peakInFlight: () => engine.tracker.peakInFlight(),
    hangUps: () => engine.tracker.hangUps(),
    reset: () => engine.reset(),
  };
}
