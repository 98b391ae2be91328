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
import type { __PASCAL__Engine } from './engine.js';
import type { __PASCAL__Fault, __PASCAL__OutboxMessage } from './types.js';

/**
 * Every wire form __TITLE__ (or its edge) answers each provider-neutral fault with; the
 * connector's error mapping must handle all of them. The first of each is the default.
 *
 * TODO: fill in each empty entry from __TITLE__'s API reference, e.g.
 *   throttle: { 'rate_limited-429': { kind: 'error', status: 429, name: 'rate_limited', headers: { 'retry-after': '1' } } }
 * (`quota_exhausted`: the plan's limit is spent; `rejected_identity`: an unverified sender;
 * `auth_failure`: a wrong or missing key; `unavailable`: its own 5xx besides the edge's).
 */
const __CAMEL__FaultVariants: FaultVariants<__PASCAL__Fault> = {
  throttle: {},
  quota_exhausted: {},
  rejected_identity: {},
  auth_failure: {},
  unavailable: {
    'http-502': { kind: 'edge', status: 502 },
    'http-503': { kind: 'edge', status: 503 },
  },
  network_error: {
    'connection-reset': { kind: 'network_error' },
  },
};

/** The variant names of `kind`; a kind left empty above is a stub to fill in. */
function variantNamesOf(kind: ProviderErrorFaultKind): string[] {
  const names = faultVariantNames(__CAMEL__FaultVariants, kind);
  if (names.length === 0 && Object.hasOwn(__CAMEL__FaultVariants, kind)) {
    throw new Error(
      `Not implemented: fill in src/provider-mock.ts of __MOCKPACKAGE__ (the ${kind} variants): how __TITLE__ answers it.`,
    );
  }
  return names;
}

/** How __TITLE__ answers a provider-neutral fault of the conformance suite, in wire form `variant`. */
export function __CAMEL__FaultFor(kind: ProviderFaultKind, options: InjectOptions = {}): __PASCAL__Fault {
  if (kind === 'latency') return { kind: 'latency', latencyMs: options.latencyMs ?? 1_000 };
  variantNamesOf(kind);
  return pickFaultVariant(
    __CAMEL__FaultVariants,
    kind,
    options.variant,
    (message) => new TypeError(`__MOCKPACKAGE__: ${message}`),
  );
}

const addresses = (mailboxes: string[]): string[] =>
  mailboxes.map((mailbox) => parseMailbox(mailbox).address);

/** An outbox message as the conformance suite reads it. */
export function toDeliveredEmail(message: __PASCAL__OutboxMessage): DeliveredEmail {
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
    // TODO: the headers in the order __TITLE__ received them, if its API keeps an order.
    rawHeaders: Object.entries(message.headers).map(([name, value]) => ({ name, value })),
    tags: { ...message.tags },
  };
}

export function create__PASCAL__ProviderMock(engine: __PASCAL__Engine): ProviderMock {
  return {
    sent: () => engine.outbox.map(toDeliveredEmail),
    requestCount: () => engine.sendRequests(),
    inject(kind: ProviderFaultKind, options: InjectOptions = {}) {
      engine.fault(__CAMEL__FaultFor(kind, options), options.times ?? 1);
    },
    faultVariants: (kind: ProviderErrorFaultKind) => variantNamesOf(kind),
    peakInFlight: () => engine.tracker.peakInFlight(),
    hangUps: () => engine.tracker.hangUps(),
    reset: () => engine.reset(),
  };
}
