import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ConnectorError,
  type ConnectorErrorCode,
  connectorErrorCodes,
} from '../connector-error.js';
import type {
  CheckReport,
  EmailTransport,
  OutgoingEmail,
  TransportContext,
  TransportResult,
} from '../contract.js';
import { formatMailbox } from '../mailbox.js';
import { faultVariantNames } from './fault-variants.js';
import { memoryFaultError, memoryFaultVariants } from './memory-faults.js';
import type {
  DeliveredEmail,
  InjectOptions,
  ProviderErrorFaultKind,
  ProviderFaultKind,
  ProviderMock,
} from './provider-mock.js';

/** A rendered email as the memory connector recorded it. */
export interface MemoryOutboxEntry extends OutgoingEmail {
  messageId: string;
}

export interface FailNextOptions {
  /** How many of the next sends fail; default 1. */
  times?: number;
  /** Overrides the error's hint. */
  hint?: string;
}

/** The in-memory "provider" behind one or more memory connectors. */
export interface MemoryProvider {
  /** Every email delivered so far, oldest first. A live array: `clear()` empties it in place. */
  readonly outbox: MemoryOutboxEntry[];
  /** The most recent delivered email. */
  last(): MemoryOutboxEntry | undefined;
  clear(): void;
  /** Makes the next sends (default one) reject with a ConnectorError of this code. */
  failNext(code: ConnectorErrorCode, options?: FailNextOptions): void;
  /** The provider-neutral view used by `@org/connector-conformance`. */
  asProviderMock(): ProviderMock;
}

const defaultLatencyMs = 1_000;

interface Failure {
  error: () => ConnectorError;
  remaining: number;
}

interface Latency {
  ms: number;
  remaining: number;
}

const transports = new WeakMap<MemoryProvider, EmailTransport>();

/** The transport behind a provider made by `createMemoryProvider`, for the connector. */
export function memoryTransportOf(provider: MemoryProvider): EmailTransport | undefined {
  return transports.get(provider);
}

function positiveCount(value: number | undefined, name: string): number {
  const count = value ?? 1;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`${name} must be a positive integer; got ${String(value)}.`);
  }
  return count;
}

function take<T extends { remaining: number }>(queue: T[]): T | undefined {
  const head = queue[0];
  if (!head) return undefined;
  head.remaining -= 1;
  if (head.remaining <= 0) queue.shift();
  return head;
}

/**
 * An in-memory provider: records delivered emails and fails on demand. Most apps only need
 * `createMemoryConnector`; create a provider yourself to share one outbox between connectors.
 */
export function createMemoryProvider(): MemoryProvider {
  const outbox: MemoryOutboxEntry[] = [];
  const failures: Failure[] = [];
  const latencies: Latency[] = [];
  let requests = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let hangUps = 0;

  const transport: EmailTransport = {
    async send(email: OutgoingEmail, context: TransportContext): Promise<TransportResult> {
      // Like a real provider's I/O, a send takes a turn of the event loop: a connector that
      // retries in a loop cannot starve timers and abort signals.
      await new Promise((resolve) => setImmediate(resolve));
      requests += 1;
      inFlight += 1;
      peakInFlight = Math.max(peakInFlight, inFlight);
      try {
        const latency = take(latencies);
        if (latency) {
          try {
            await delay(latency.ms, undefined, { signal: context.signal });
          } catch (error) {
            hangUps += 1;
            throw error;
          }
        }
        if (context.signal.aborted) {
          hangUps += 1;
          throw context.signal.reason;
        }
        const failure = take(failures);
        if (failure) throw failure.error();
        const messageId = `memory-${randomUUID()}`;
        outbox.push({ ...structuredClone(email), messageId });
        return { messageId, requestId: randomUUID(), attempts: 1 };
      } finally {
        inFlight -= 1;
      }
    },
    async check(): Promise<CheckReport> {
      return {
        ok: true,
        checks: [
          { name: 'memory', status: 'pass', detail: 'The memory provider is always ready.' },
        ],
      };
    },
  };

  const mock: ProviderMock = {
    sent(): DeliveredEmail[] {
      return outbox.map((email) => {
        const to = email.to.map((mailbox) => mailbox.address);
        return {
          messageId: email.messageId,
          from: email.from.address,
          fromHeader: formatMailbox(email.from),
          to,
          cc: [],
          bcc: [],
          recipients: [...to],
          replyTo: email.replyTo.map((mailbox) => mailbox.address),
          subject: email.subject,
          ...(email.html === undefined ? {} : { html: email.html }),
          text: email.text,
          headers: { ...email.headers },
          rawHeaders: Object.entries(email.headers).map(([name, value]) => ({ name, value })),
          tags: { ...email.tags },
        };
      });
    },
    requestCount: () => requests,
    inject(fault: ProviderFaultKind, options: InjectOptions = {}): void {
      const remaining = positiveCount(options.times, 'times');
      if (fault === 'latency') {
        latencies.push({ ms: options.latencyMs ?? defaultLatencyMs, remaining });
        return;
      }
      failures.push({ remaining, error: memoryFaultError(fault, options.variant) });
    },
    faultVariants: (fault: ProviderErrorFaultKind) => faultVariantNames(memoryFaultVariants, fault),
    peakInFlight: () => peakInFlight,
    hangUps: () => hangUps,
    reset(): void {
      outbox.length = 0;
      failures.length = 0;
      latencies.length = 0;
      requests = 0;
      peakInFlight = inFlight;
      hangUps = 0;
    },
  };

  const memory: MemoryProvider = {
    outbox,
    last: () => outbox.at(-1),
    clear(): void {
      outbox.length = 0;
    },
    failNext(code: ConnectorErrorCode, options: FailNextOptions = {}): void {
      if (!(connectorErrorCodes as readonly string[]).includes(code)) {
        throw new RangeError(`Unknown ConnectorError code: ${String(code)}.`);
      }
      failures.push({
        remaining: positiveCount(options.times, 'times'),
        error: () =>
          new ConnectorError(
            code,
            `The memory connector was told to fail this send with ${code}.`,
            {
              provider: 'memory',
              hint: options.hint ?? 'Set up with failNext() in a test.',
              attempts: 1,
            },
          ),
      });
    },
    asProviderMock: () => mock,
  };
  transports.set(memory, transport);
  return memory;
}
