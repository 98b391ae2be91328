import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type {
  BaseConnectorConfig,
  CheckOptions,
  CheckReport,
  ConfigFormItem,
  ConnectorMetadata,
  ConnectorOptions,
  EmailConnector,
  EmailTransport,
  SendMessageInput,
  SendOptions,
  SendResult,
} from './contract.js';
import { createIdempotency } from './idempotency.js';
import { assertSuppressionOptions } from './pipeline/check-suppression.js';
import { createEmitter } from './pipeline/emit-events.js';
import { inspectable } from './pipeline/inspect-connector.js';
import { createLifecycle } from './pipeline/lifecycle.js';
import { toConnectorError } from './pipeline/map-to-connector-error.js';
import { type ConfigReaders, resolveConfig } from './pipeline/resolve-config.js';
import type { SendContext } from './pipeline/send.js';
import { parseOptions } from './pipeline/send-input.js';
import { sendKeyed } from './pipeline/send-keyed.js';
import type { RateLimiter } from './rate-limiter.js';
import { createRecipientThrottle } from './recipient-throttle.js';
import { secretFieldsOf } from './secrets.js';

export type { ConfigValue } from './pipeline/resolve-config.js';

export interface TransportFactoryContext {
  /** The connector's provider id (`metadata.provider`), for the errors the transport raises. */
  provider: string;
  /**
   * Fires when the connector closes (before the transport's `close()`). A send without a
   * caller signal gets exactly this signal as its `signal`, so a transport can tell the two
   * apart: e.g. give an SDK only a caller's signal when its own `close()` already stops the
   * I/O in flight. It is shared by every such send: remove the listeners you add to it.
   */
  closeSignal: AbortSignal;
  /** `ConnectorOptions.rateLimiter` when given; a pacing transport defaults to a memory one. */
  rateLimiter?: RateLimiter;
}

/** Everything a provider supplies; the pipeline (validation, templates, events, abort) is shared. */
export interface EmailConnectorDefinition<
  Config extends BaseConnectorConfig,
  Transport extends EmailTransport = EmailTransport,
> extends ConfigReaders<Config> {
  metadata: ConnectorMetadata;
  /** Validates the raw config; mark secret fields with `secret()`. */
  configSchema: z.ZodType<Config>;
  /** Called once per connector: create SDK clients here, never per send. */
  createTransport(config: Config, context: TransportFactoryContext): Transport;
}

/** A transport with a preflight: its connector has `check()`. */
export type CheckingTransport = EmailTransport & {
  check(options: CheckOptions): Promise<CheckReport>;
};

/** The connector a transport makes: `check()` is there exactly when the transport has it. */
export type ConnectorOf<Transport extends EmailTransport> = Transport extends CheckingTransport
  ? EmailConnector & { check(options?: CheckOptions): Promise<CheckReport> }
  : EmailConnector;

/** Validates a raw config and returns a ready connector. */
export type EmailConnectorFactory<Connector extends EmailConnector = EmailConnector> = ((
  config: unknown,
  options?: ConnectorOptions,
) => Connector) & {
  /** The connector's metadata, available before any config is given (e.g. to render a setup form). */
  readonly metadata: ConnectorMetadata;
};

const randomCode = (): string => String(randomInt(100_000, 1_000_000));

function freezeMetadata(metadata: ConnectorMetadata, secretFields: readonly string[]) {
  const formItems: ConfigFormItem[] = metadata.formItems.map((item) =>
    secretFields.includes(item.key) && item.secret !== true
      ? { ...item, secret: true }
      : { ...item },
  );
  return Object.freeze({
    ...metadata,
    capabilities: Object.freeze({ ...metadata.capabilities }),
    formItems: Object.freeze(formItems),
  });
}

/**
 * Defines a connector from a config schema and a transport. The returned factory validates
 * the config (`invalid_config`, listing every failing field, never a secret value) and gives
 * an `EmailConnector` running the pipeline (src/pipeline): validate the input, build the
 * `OutgoingEmail`, call the transport, map the outcome, emit events. The connector has
 * `check()` when the transport does.
 */
export function defineEmailConnector<
  Config extends BaseConnectorConfig,
  Transport extends EmailTransport = EmailTransport,
>(
  definition: EmailConnectorDefinition<Config, Transport>,
): EmailConnectorFactory<ConnectorOf<Transport>> {
  const { provider, name, id } = definition.metadata;
  // On first read: the secret fields come from walking the config schema, which a provider
  // builds lazily so that importing it loads no zod.
  let frozen: ConnectorMetadata | undefined;
  const metadataOf = (): ConnectorMetadata => {
    frozen ??= freezeMetadata(definition.metadata, secretFieldsOf(definition.configSchema));
    return frozen;
  };

  const factory = (rawConfig: unknown, options: ConnectorOptions = {}) => {
    const resolved = resolveConfig(rawConfig, { ...definition, provider, name });
    const metadata = metadataOf();
    // Before the transport: malformed options must not leave an SDK client behind.
    const idempotency = createIdempotency(options.idempotency, { provider, connectorId: id });
    assertSuppressionOptions(options.suppression, provider);
    const emit = createEmitter(options.onEvent);
    const recipientThrottle = createRecipientThrottle(options, {
      provider,
      emit: (event) => emit?.(event),
    });
    const lifecycle = createLifecycle(provider);
    const transport = definition.createTransport(resolved.config, {
      provider,
      closeSignal: lifecycle.signal,
      ...(options.rateLimiter === undefined ? {} : { rateLimiter: options.rateLimiter }),
    });
    const context: SendContext = {
      provider,
      resolved,
      transport,
      lifecycle,
      emit,
      ...(options.suppression ? { suppression: options.suppression } : {}),
      ...(recipientThrottle ? { recipientThrottle } : {}),
    };

    const check = async (checkOptions?: CheckOptions): Promise<CheckReport> => {
      const { signal } = parseOptions<CheckOptions>(checkOptions, provider, 'check');
      lifecycle.assertOpen();
      try {
        return await transport.check!({
          signal: signal ? AbortSignal.any([signal, lifecycle.signal]) : lifecycle.signal,
        });
      } catch (error) {
        throw toConnectorError(error, provider, resolved.secrets);
      }
    };

    const connector: EmailConnector = {
      metadata,
      get closed(): boolean {
        return lifecycle.closed;
      },
      // async: a bad option rejects like every other failure, and the send reaches the
      // transport within this call (close() right after it aborts the send, not refuses it).
      async sendMessage(input: SendMessageInput, sendOptions?: SendOptions): Promise<SendResult> {
        const parsed = parseOptions<SendOptions>(sendOptions, provider, 'sendMessage');
        return sendKeyed(context, idempotency, input, parsed);
      },
      async testSend(to: string, sendOptions?: SendOptions): Promise<SendResult> {
        const parsed = parseOptions<SendOptions>(sendOptions, provider, 'testSend');
        const input = { to, type: 'Generic' as const, payload: { code: randomCode() } };
        return sendKeyed(context, idempotency, input, parsed, (message) => ({
          ...message,
          payload: { testSend: true },
        }));
      },
      ...(typeof transport.check === 'function' ? { check } : {}),
      close: () => lifecycle.close(async () => transport.close?.()),
      ...inspectable(provider, () => ({
        metadata,
        config: resolved.redacted,
        closed: lifecycle.closed,
      })),
    };
    // The spread above adds check() exactly when the transport has it, as ConnectorOf says.
    return connector as ConnectorOf<Transport>;
  };

  return Object.defineProperty(factory, 'metadata', {
    get: metadataOf,
    enumerable: true,
  }) as EmailConnectorFactory<ConnectorOf<Transport>>;
}
