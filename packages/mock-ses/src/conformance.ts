import {
  type DeliveredEmail,
  type FaultVariants,
  faultVariantNames,
  type InjectOptions,
  mswCatchAllHandlers,
  type ProviderErrorFaultKind,
  type ProviderFaultKind,
  type ProviderMock,
  pickFaultVariant,
} from '@org/connector-core/testing';
import type { RequestHandler } from 'msw';
import { addressOf } from './engine/address.js';
import { loadMsw, SES_ENDPOINT_PATTERN } from './msw-handlers.js';
import { createSnsMswHandlers } from './sns/sns-msw-handlers.js';
import type { Fault, MockSes, OutboxMessage } from './types.js';

/** Provider faults hit the send calls; a connector's other calls (GetAccount...) go through. */
const SEND_OPERATIONS = ['SendEmail', 'SendBulkEmail'];

/** nginx's "client closed request", as the engine logs a request whose caller hung up. */
const CLIENT_CLOSED = 499;

/**
 * Every wire form SES (or what stands in front of it) answers each provider-neutral fault
 * with; a connector's error mapping must handle all of them.
 */
const sesFaultVariants: FaultVariants<Fault> = {
  throttle: {
    TooManyRequestsException: {
      kind: 'TooManyRequestsException',
      message: 'Maximum sending rate exceeded.',
    },
    'LimitExceededException-rate': {
      kind: 'LimitExceededException',
      message: 'Maximum sending rate exceeded.',
    },
    ThrottlingException: {
      kind: 'custom',
      status: 400,
      type: 'ThrottlingException',
      message: 'Rate exceeded',
    },
    'http-429': { kind: 'custom', status: 429, message: 'Too Many Requests' },
  },
  quota_exhausted: {
    'LimitExceededException-daily': {
      kind: 'LimitExceededException',
      message: 'Daily message quota exceeded.',
    },
    SendingPausedException: { kind: 'SendingPausedException' },
    AccountSuspendedException: { kind: 'AccountSuspendedException' },
  },
  rejected_identity: {
    // Left without a message: the engine names the request's own From address.
    MessageRejected: { kind: 'MessageRejected' },
    MailFromDomainNotVerifiedException: { kind: 'MailFromDomainNotVerifiedException' },
  },
  auth_failure: {
    UnrecognizedClientException: {
      kind: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    },
    InvalidSignatureException: { kind: 'InvalidSignatureException' },
    AccessDeniedException: { kind: 'AccessDeniedException' },
    ExpiredTokenException: { kind: 'ExpiredTokenException' },
  },
  unavailable: {
    'http-500': { kind: 'internal_error' },
    'http-502': { kind: 'custom', status: 502, message: 'Bad Gateway' },
    'http-503': { kind: 'service_unavailable' },
    'http-504': { kind: 'custom', status: 504, message: 'Gateway Timeout' },
  },
  network_error: {
    'connection-reset': { kind: 'network_error' },
  },
};

function sesFault(kind: ProviderFaultKind, options: InjectOptions): Fault {
  if (kind === 'latency') return { kind: 'latency', latencyMs: options.latencyMs ?? 0 };
  return pickFaultVariant(
    sesFaultVariants,
    kind,
    options.variant,
    (message) => new TypeError(`@org/mock-ses: ${message}`),
  );
}

export function toDeliveredEmail(message: OutboxMessage): DeliveredEmail {
  return {
    messageId: message.messageId,
    from: message.fromAddress,
    fromHeader: message.from,
    to: [...message.to],
    cc: [...message.cc],
    bcc: [...message.bcc],
    recipients: [...message.to, ...message.cc, ...message.bcc],
    replyTo: message.replyTo.map(addressOf),
    subject: message.subject,
    ...(message.html !== undefined ? { html: message.html } : {}),
    text: message.text ?? '',
    headers: Object.fromEntries(message.headers.map((h) => [h.name, h.value])),
    rawHeaders: message.headers.map(({ name, value }) => ({ name, value })),
    tags: { ...message.tags },
  };
}

interface Injected {
  fault: Fault;
  remaining: number;
}

/**
 * The SES mock seen through the provider-neutral interface of `@org/connector-conformance`.
 * Faults go in as fault rules of our own (in injection order, send operations only), after a
 * rule that never matches but sees every request arrive: against the request log (where every
 * request lands once answered) that gives the requests in flight.
 */
export function createSesProviderMock(mock: MockSes): ProviderMock {
  let arrived = 0;
  let peak = 0;
  const queue: Injected[] = [];
  const install = (): void => {
    mock.faults.when(() => {
      arrived += 1;
      peak = Math.max(peak, arrived - mock.requests.operations().length);
      return false;
    }, 'internal_error');
  };
  install();
  return {
    sent: () => mock.outbox.all().map(toDeliveredEmail),
    requestCount: () => mock.requests.operations().length,
    inject(kind: ProviderFaultKind, options: InjectOptions = {}) {
      const entry: Injected = { fault: sesFault(kind, options), remaining: options.times ?? 1 };
      queue.push(entry);
      mock.faults.when((request) => {
        if (queue[0] !== entry || !SEND_OPERATIONS.includes(request.operation)) return false;
        entry.remaining -= 1;
        if (entry.remaining <= 0) queue.shift();
        return true;
      }, entry.fault);
    },
    faultVariants: (kind: ProviderErrorFaultKind) => faultVariantNames(sesFaultVariants, kind),
    peakInFlight: () => peak,
    hangUps: () =>
      mock.requests.operations().filter((entry) => entry.status === CLIENT_CLOSED).length,
    reset() {
      mock.reset();
      queue.length = 0;
      arrived = 0;
      peak = 0;
      install();
    },
  };
}

/**
 * msw handlers for the conformance suite: the mock's own handlers, plus what a real server
 * sees and msw does not pass on: when the client destroys its request (an abort, a timeout),
 * the engine's request signal fires, so the mock logs the hang-up and delivers nothing.
 */
export function createConformanceHandlers(
  mock: MockSes,
  endpoints: readonly string[] = [],
): RequestHandler[] {
  const { http } = loadMsw();
  return [
    ...mswCatchAllHandlers<RequestHandler>(
      http,
      endpoints.map((base) => new URL(base).origin),
      (request) => mock.handle(request),
      { label: 'mock-ses', patterns: [SES_ENDPOINT_PATTERN] },
    ),
    // SNS (certificates, subscription confirmations) as in `mock.handlers`.
    ...createSnsMswHandlers(mock.sns),
  ];
}
