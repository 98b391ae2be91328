import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
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
import { formatMailbox } from '../mailbox.js';
import { type Template, templatesSchema } from '../template.js';
import type {
  DeliveredEmail,
  InjectOptions,
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

export const memoryConfigSchema = z.object({
  templates: templatesSchema,
  from: z.string().min(1, 'from must be a mailbox such as `Acme <noreply@acme.test>`'),
  replyTo: z.array(z.string()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export type MemoryConnectorConfig = z.infer<typeof memoryConfigSchema>;

const faultErrors: Record<
  Exclude<ProviderFaultKind, 'latency'>,
  { code: ConnectorErrorCode; message: string; hint: string }
> = {
  throttle: {
    code: 'rate_limit_exceeded',
    message: 'The memory provider throttled the send (injected fault).',
    hint: 'Retry later or send more slowly.',
  },
  quota_exhausted: {
    code: 'usage_limit_exceeded',
    message: 'The memory provider’s sending quota is spent (injected fault).',
    hint: 'Wait for the quota to reset or raise it.',
  },
  rejected_identity: {
    code: 'message_rejected',
    message:
      'The memory provider rejected the message: the sender identity is not verified (injected fault).',
    hint: 'Verify the sender identity.',
  },
  auth_failure: {
    code: 'authorization_failed',
    message: 'The memory provider refused the credentials (injected fault).',
    hint: 'Check the credentials and permissions.',
  },
  unavailable: {
    code: 'provider_unavailable',
    message: 'The memory provider is unavailable (injected fault).',
    hint: 'Retry later.',
  },
  network_error: {
    code: 'provider_unavailable',
    message: 'The connection to the memory provider failed (injected fault).',
    hint: 'Retry later.',
  },
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

  const transport: EmailTransport = {
    async send(email: OutgoingEmail, context: TransportContext): Promise<TransportResult> {
      requests += 1;
      const latency = take(latencies);
      if (latency) await delay(latency.ms, undefined, { signal: context.signal });
      const failure = take(failures);
      if (failure) throw failure.error();
      const messageId = `memory-${randomUUID()}`;
      outbox.push({ ...structuredClone(email), messageId });
      return { messageId, requestId: randomUUID(), attempts: 1 };
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
      return outbox.map((email) => ({
        messageId: email.messageId,
        from: email.from.address,
        fromHeader: formatMailbox(email.from),
        to: email.to.map((mailbox) => mailbox.address),
        replyTo: email.replyTo.map((mailbox) => mailbox.address),
        subject: email.subject,
        ...(email.html === undefined ? {} : { html: email.html }),
        text: email.text,
        headers: { ...email.headers },
        tags: { ...email.tags },
      }));
    },
    requestCount: () => requests,
    inject(fault: ProviderFaultKind, options: InjectOptions = {}): void {
      const remaining = positiveCount(options.times, 'times');
      if (fault === 'latency') {
        latencies.push({ ms: options.latencyMs ?? defaultLatencyMs, remaining });
        return;
      }
      const spec = faultErrors[fault];
      if (!spec) throw new RangeError(`Unknown provider fault: ${String(fault)}.`);
      failures.push({
        remaining,
        error: () =>
          new ConnectorError(spec.code, spec.message, {
            provider: 'memory',
            hint: spec.hint,
            providerCode: fault,
            attempts: 1,
            // What a real provider's SDK would have thrown; the conformance suite checks it is kept.
            cause: Object.assign(new Error(spec.message), { name: 'MemoryProviderFault', fault }),
          }),
      });
    },
    reset(): void {
      outbox.length = 0;
      failures.length = 0;
      latencies.length = 0;
      requests = 0;
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
