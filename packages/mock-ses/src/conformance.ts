import type {
  DeliveredEmail,
  InjectOptions,
  ProviderFaultKind,
  ProviderMock,
} from '@org/connector-core/testing';
import { addressOf } from './engine/address.js';
import type { Fault, MockSes, OutboxMessage } from './types.js';

/** Provider faults hit the send calls; a connector's other calls (GetAccount...) go through. */
const SEND_OPERATIONS = ['SendEmail', 'SendBulkEmail'];

function sesFault(kind: ProviderFaultKind, latencyMs: number | undefined): Fault {
  switch (kind) {
    case 'throttle':
      return { kind: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' };
    case 'quota_exhausted':
      return { kind: 'LimitExceededException', message: 'Daily message quota exceeded.' };
    case 'rejected_identity':
      // Left without a message: the engine names the request's own From address.
      return { kind: 'MessageRejected' };
    case 'auth_failure':
      return {
        kind: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      };
    case 'unavailable':
      return { kind: 'service_unavailable' };
    case 'network_error':
      return { kind: 'network_error' };
    case 'latency':
      return { kind: 'latency', latencyMs: latencyMs ?? 0 };
    default: {
      const unknown: never = kind;
      throw new TypeError(
        `@org/mock-ses: unknown provider fault '${String(unknown)}' expected one of throttle, quota_exhausted, rejected_identity, auth_failure, unavailable, network_error, latency`,
      );
    }
  }
}

export function toDeliveredEmail(message: OutboxMessage): DeliveredEmail {
  return {
    messageId: message.messageId,
    from: message.fromAddress,
    fromHeader: message.from,
    to: [...message.to],
    replyTo: message.replyTo.map(addressOf),
    subject: message.subject,
    ...(message.html !== undefined ? { html: message.html } : {}),
    text: message.text ?? '',
    headers: Object.fromEntries(message.headers.map((h) => [h.name, h.value])),
    tags: { ...message.tags },
  };
}

/** The SES mock seen through the provider-neutral interface of `@org/connector-conformance`. */
export function createSesProviderMock(mock: MockSes): ProviderMock {
  return {
    sent: () => mock.outbox.all().map(toDeliveredEmail),
    requestCount: () => mock.requests.operations().length,
    inject(kind: ProviderFaultKind, options: InjectOptions = {}) {
      mock.faults.next(sesFault(kind, options.latencyMs), {
        times: options.times ?? 1,
        operation: SEND_OPERATIONS,
      });
    },
    reset: () => mock.reset(),
  };
}
