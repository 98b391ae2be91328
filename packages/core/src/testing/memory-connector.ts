import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import {
  ConnectorError,
  type ConnectorErrorCode,
  connectorErrorCodes,
} from '../connector-error.js';
import type {
  CheckOptions,
  CheckReport,
  ConnectorOptions,
  EmailConnector,
  EmailTransport,
  OutgoingEmail,
  TransportContext,
  TransportResult,
} from '../contract.js';
import { defineEmailConnector } from '../define-email-connector.js';
import { lazySchema } from '../lazy-schema.js';
import { formatMailbox } from '../mailbox.js';
import { type Template, templatesSchema } from '../template.js';
import {
  type DeliveredEmail,
  type InjectOptions,
  type ProviderErrorFaultKind,
  type ProviderFaultKind,
  type ProviderMock,
  providerFaultOutcomes,
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

export type MemoryConnector = EmailConnector &
  MemoryProvider & {
    check(options?: CheckOptions): Promise<CheckReport>;
    /** The provider this connector delivers to (shared when passed in the options). */
    readonly memory: MemoryProvider;
  };

export interface MemoryConnectorOptions {
  templates: Template[];
  /** The From mailbox, e.g. `Acme <noreply@acme.test>`. */
  from: string;
  replyTo?: string[];
  tags?: Record<string, string>;
  headers?: Record<string, string>;
  /** Connector options such as `onEvent`. */
  options?: ConnectorOptions;
  /** Deliver into this provider (to share one outbox between connectors); default a new one. */
  provider?: MemoryProvider;
}

export const memoryConfigSchema = lazySchema((z) =>
  z.object({
    templates: templatesSchema,
    from: z.string().min(1, 'from must be a mailbox such as `Acme <noreply@acme.test>`'),
    replyTo: z.array(z.string()).optional(),
    tags: z.record(z.string(), z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
);

export type MemoryConnectorConfig = z.infer<typeof memoryConfigSchema>;

/**
 * The wire forms of each fault as the memory "provider" tells them apart; the code of every
 * form comes from the shared `providerFaultOutcomes` table.
 */
const faultVariants: Record<ProviderErrorFaultKind, Record<string, string>> = {
  throttle: {
    'too-many-requests': 'The memory provider throttled the send (injected fault).',
    'sending-rate': 'The memory provider’s maximum sending rate was exceeded (injected fault).',
  },
  quota_exhausted: {
    'daily-quota': 'The memory provider’s daily sending quota is spent (injected fault).',
    'sending-paused': 'Sending is paused for the memory provider account (injected fault).',
  },
  rejected_identity: {
    'sender-not-verified':
      'The memory provider rejected the message: the sender identity is not verified (injected fault).',
  },
  auth_failure: {
    'invalid-credentials': 'The memory provider refused the credentials (injected fault).',
    'access-denied': 'The memory provider denied the permission to send (injected fault).',
  },
  unavailable: {
    'internal-error': 'The memory provider failed internally (injected fault).',
    'bad-gateway': 'The memory provider answered bad gateway (injected fault).',
    'service-unavailable': 'The memory provider is unavailable (injected fault).',
    'gateway-timeout': 'The memory provider answered gateway timeout (injected fault).',
  },
  network_error: {
    'connection-reset': 'The connection to the memory provider was reset (injected fault).',
    'connection-refused': 'The memory provider refused the connection (injected fault).',
  },
};

const faultHints: Record<ProviderErrorFaultKind, string> = {
  throttle: 'Retry later or send more slowly.',
  quota_exhausted: 'Wait for the quota to reset or raise it.',
  rejected_identity: 'Verify the sender identity.',
  auth_failure: 'Check the credentials and permissions.',
  unavailable: 'Retry later.',
  network_error: 'Retry later.',
};

const defaultLatencyMs = 1_000;

interface Failure {
  error: () => ConnectorError;
  remaining: number;
}

interface Latency {
  ms: number;
  remaining: number;
}

interface MemoryInternals {
  transport: EmailTransport;
}

const internals = new WeakMap<MemoryProvider, MemoryInternals>();

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
      const variants = faultVariants[fault];
      if (!variants) throw new RangeError(`Unknown provider fault: ${String(fault)}.`);
      const variant = options.variant ?? Object.keys(variants)[0]!;
      const message = variants[variant];
      if (message === undefined) {
        throw new RangeError(
          `Unknown ${fault} variant: ${variant}; expected one of ${Object.keys(variants).join(', ')}.`,
        );
      }
      const outcome = providerFaultOutcomes[fault];
      const spec = { code: outcome.code, message, hint: faultHints[fault] };
      failures.push({
        remaining,
        error: () =>
          new ConnectorError(spec.code, spec.message, {
            provider: 'memory',
            hint: spec.hint,
            providerCode: `${fault}:${variant}`,
            attempts: 1,
            // What a real provider's SDK would have thrown; the conformance suite checks it is kept.
            cause: Object.assign(new Error(spec.message), {
              name: 'MemoryProviderFault',
              fault,
              variant,
            }),
          }),
      });
    },
    faultVariants: (fault: ProviderErrorFaultKind) => Object.keys(faultVariants[fault] ?? {}),
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
  internals.set(memory, { transport });
  return memory;
}

/**
 * A connector that runs the real pipeline (validation, template selection, rendering,
 * events, abort) and delivers into memory. Use it in an application's tests:
 *
 * ```ts
 * const email = createMemoryConnector({ templates, from: 'Acme <noreply@acme.test>' });
 * await signUp(email, 'ada@example.com');
 * expect(email.last()?.text).toMatch(/\d{6}/);
 * ```
 */
export function createMemoryConnector(options: MemoryConnectorOptions): MemoryConnector {
  const memory = options.provider ?? createMemoryProvider();
  const inner = internals.get(memory);
  if (!inner) {
    throw new TypeError('options.provider must come from createMemoryProvider().');
  }
  const factory = defineEmailConnector<MemoryConnectorConfig>({
    metadata: {
      id: 'memory-email',
      provider: 'memory',
      name: 'Memory',
      description: 'Records rendered emails in memory instead of sending them. For tests.',
      capabilities: {
        check: true,
        tags: true,
        replyTo: true,
        retries: false,
        requestTimeout: false,
      },
      formItems: [
        {
          key: 'from',
          label: 'From',
          type: 'text',
          required: true,
          placeholder: 'Acme <noreply@acme.test>',
        },
        { key: 'templates', label: 'Templates', type: 'json', required: true },
      ],
    },
    configSchema: memoryConfigSchema,
    sender: 'from',
    replyTo: 'replyTo',
    tags: 'tags',
    headers: 'headers',
    createTransport: () => inner.transport,
  });
  const { options: connectorOptions, provider: _provider, ...config } = options;
  const connector = factory(config, connectorOptions);
  return Object.defineProperties(connector, {
    memory: { value: memory, enumerable: false },
    outbox: { get: () => memory.outbox, enumerable: false },
    last: { value: () => memory.last(), enumerable: false },
    clear: { value: () => memory.clear(), enumerable: false },
    failNext: {
      value: (code: ConnectorErrorCode, failOptions?: FailNextOptions) =>
        memory.failNext(code, failOptions),
      enumerable: false,
    },
    asProviderMock: { value: () => memory.asProviderMock(), enumerable: false },
  }) as MemoryConnector;
}
