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
import type { ResendEngine } from './engine.js';
import type { ResendFault, ResendOutboxMessage } from './types.js';

/**
 * Every wire form Resend (or its edge) answers each provider-neutral fault with; a connector's
 * error mapping must handle all of them. The first of each is the default.
 */
const resendFaultVariants: FaultVariants<ResendFault> = {
  throttle: {
    rate_limit_exceeded: 'rate_limit_exceeded',
  },
  quota_exhausted: {
    daily_quota_exceeded: 'daily_quota_exceeded',
    monthly_quota_exceeded: 'monthly_quota_exceeded',
  },
  rejected_identity: {
    domain_not_verified: 'domain_not_verified',
  },
  auth_failure: {
    invalid_api_key: 'invalid_api_key',
    missing_api_key: 'missing_api_key',
  },
  unavailable: {
    'internal_server_error-500': 'internal_server_error',
    'application_error-500': 'application_error',
    'internal_server_error-502': { kind: 'internal_server_error', status: 502 },
    'http-502': { kind: 'service_unavailable', status: 502 },
    'http-503': 'service_unavailable',
  },
  network_error: {
    'connection-reset': 'network_error',
  },
};

/** How Resend answers a provider-neutral fault of the conformance suite, in wire form `variant`. */
export function resendFaultFor(kind: ProviderFaultKind, options: InjectOptions = {}): ResendFault {
  if (kind === 'latency') return { kind: 'latency', latencyMs: options.latencyMs ?? 1_000 };
  return pickFaultVariant(
    resendFaultVariants,
    kind,
    options.variant,
    (message) => new TypeError(`@org/mock-resend: ${message}`),
  );
}

const addresses = (mailboxes: string[]): string[] =>
  mailboxes.map((mailbox) => parseMailbox(mailbox).address);

export function toDeliveredEmail(message: ResendOutboxMessage): DeliveredEmail {
  const to = addresses(message.to);
  const cc = addresses(message.cc);
  const bcc = addresses(message.bcc);
  return {
    messageId: message.id,
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
    headers: { ...message.headers },
    // Resend takes custom headers as a JSON object: its entries, in the order sent.
    rawHeaders: Object.entries(message.headers).map(([name, value]) => ({ name, value })),
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
      engine.fault(resendFaultFor(kind, options), options.times ?? 1);
    },
    faultVariants: (kind: ProviderErrorFaultKind) => faultVariantNames(resendFaultVariants, kind),
    peakInFlight: () => engine.tracker.peakInFlight(),
    hangUps: () => engine.tracker.hangUps(),
    reset: () => engine.reset(),
  };
}
