import type { z } from 'zod';
import type { ConnectorErrorCode } from '../connector-error.js';
import type { CheckOptions, CheckReport, ConnectorOptions, EmailConnector } from '../contract.js';
import { defineEmailConnector } from '../define-email-connector.js';
import { lazySchema } from '../lazy-schema.js';
import { type Template, templatesSchema } from '../template.js';
import {
  createMemoryProvider,
  type FailNextOptions,
  type MemoryProvider,
  memoryTransportOf,
} from './memory-provider.js';

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
  const transport = memoryTransportOf(memory);
  if (!transport) {
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
    createTransport: () => transport,
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
