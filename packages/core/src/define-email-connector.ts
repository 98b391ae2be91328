import { randomInt } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { inspect } from 'node:util';
import { z } from 'zod';
import { formatIssues } from './config-issues.js';
import { ConnectorError } from './connector-error.js';
import type {
  BaseConnectorConfig,
  CheckOptions,
  CheckReport,
  ConfigFormItem,
  ConnectorEvent,
  ConnectorMetadata,
  ConnectorOptions,
  EmailConnector,
  EmailTransport,
  Mailbox,
  OutgoingEmail,
  SendMessageInput,
  SendOptions,
  SendResult,
  TransportResult,
} from './contract.js';
import { createIdempotency } from './idempotency.js';
import { maskAddress, maxMailboxLength, parseMailbox } from './mailbox.js';
import { renderTemplate } from './render-template.js';
import { redactConfig, scrubSecrets, secretFieldsOf, secretValuesOf } from './secrets.js';
import { selectTemplate } from './select-template.js';
import { sendPayloadSchema } from './send-payload-schema.js';
import { usageTypeSchema } from './usage-types.js';

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
}

/** Everything a provider supplies; the pipeline (validation, templates, events, abort) is shared. */
export interface EmailConnectorDefinition<Config extends BaseConnectorConfig> {
  metadata: ConnectorMetadata;
  /** Validates the raw config; mark secret fields with `secret()`. */
  configSchema: z.ZodType<Config>;
  /** The From mailbox, e.g. `config.emailAddress`; parsed once when the connector is created. */
  sender(config: Config): string;
  replyTo?(config: Config): readonly string[] | undefined;
  /** Tags added to every email (the pipeline adds `usage_type`). */
  tags?(config: Config): Record<string, string> | undefined;
  /** Extra headers added to every email. */
  headers?(config: Config): Record<string, string> | undefined;
  /** Called once per connector: create SDK clients here, never per send. */
  createTransport(config: Config, context: TransportFactoryContext): EmailTransport;
}

/** Validates a raw config and returns a ready connector. */
export type EmailConnectorFactory = ((
  config: unknown,
  options?: ConnectorOptions,
) => EmailConnector) & {
  /** The connector's metadata, available before any config is given (e.g. to render a setup form). */
  readonly metadata: ConnectorMetadata;
};

const sendInputSchema = z.object({
  to: z
    .string()
    .min(1, 'the recipient must not be empty')
    .max(maxMailboxLength, `the recipient must be at most ${maxMailboxLength} characters`),
  type: usageTypeSchema,
  payload: sendPayloadSchema,
});

// RFC 5322 field-name: printable ASCII except colon.
const headerNamePattern = /^[!-9;-~]+$/;

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}

function withFormItemSecrets(
  formItems: readonly ConfigFormItem[],
  secretFields: readonly string[],
): ConfigFormItem[] {
  return formItems.map((item) =>
    secretFields.includes(item.key) && item.secret !== true
      ? { ...item, secret: true }
      : { ...item },
  );
}

/**
 * Defines a connector from a config schema and a transport. The returned factory validates
 * the config (`invalid_config`, listing every failing field, never a secret value) and gives
 * an `EmailConnector` that validates input, selects and renders the template, builds the
 * `OutgoingEmail`, calls the transport and maps the outcome.
 */
export function defineEmailConnector<Config extends BaseConnectorConfig>(
  definition: EmailConnectorDefinition<Config>,
): EmailConnectorFactory {
  const { provider } = definition.metadata;
  const secretFields = secretFieldsOf(definition.configSchema);
  const metadata: ConnectorMetadata = Object.freeze({
    ...definition.metadata,
    capabilities: Object.freeze({ ...definition.metadata.capabilities }),
    formItems: Object.freeze(withFormItemSecrets(definition.metadata.formItems, secretFields)),
  });

  const factory = (rawConfig: unknown, options: ConnectorOptions = {}): EmailConnector => {
    const configSecrets = secretValuesOf(rawConfig, definition.configSchema);
    const invalidConfig = (lines: string[], hint: string): ConnectorError =>
      new ConnectorError(
        'invalid_config',
        scrubSecrets(
          `Invalid ${provider} config:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
          configSecrets,
        ),
        { provider, hint },
      );

    const parsed = definition.configSchema.safeParse(rawConfig);
    if (!parsed.success) {
      throw invalidConfig(
        formatIssues(parsed.error),
        `Fix the listed fields of the ${definition.metadata.name} config; secret values are never shown.`,
      );
    }
    const config = parsed.data;

    // Names the config field a computed value came from, so a message can point at it.
    const fieldOf = (value: unknown, fallback: string): string =>
      Object.entries(config).find(([, v]) => v === value)?.[0] ?? fallback;
    const configMailbox = (value: string, field: string): Mailbox => {
      try {
        return parseMailbox(value, { label: `${provider} config field "${field}"` });
      } catch (error) {
        const cause = error as ConnectorError;
        throw new ConnectorError('invalid_config', scrubSecrets(cause.message, configSecrets), {
          provider,
          ...(cause.hint === undefined ? {} : { hint: cause.hint }),
        });
      }
    };

    const senderValue = definition.sender(config);
    const from = configMailbox(senderValue, fieldOf(senderValue, 'sender'));
    const replyToValues = definition.replyTo?.(config) ?? [];
    const replyTo = replyToValues.map((value) =>
      configMailbox(value, fieldOf(replyToValues, 'replyTo')),
    );
    const baseHeaders = { ...(definition.headers?.(config) ?? {}) };
    const headerProblems = Object.entries(baseHeaders).flatMap(([name, value]) => {
      if (!headerNamePattern.test(name))
        return [`headers: "${name.slice(0, 60)}" is not a valid header name`];
      if (typeof value !== 'string' || /[\r\n]/.test(value)) {
        return [`headers: the value of ${name} must be a string without line breaks`];
      }
      return [];
    });
    if (headerProblems.length > 0) {
      throw invalidConfig(
        headerProblems,
        'Header names are printable ASCII without ":"; values have no CR or LF.',
      );
    }
    const baseTags = { ...(definition.tags?.(config) ?? {}) };
    const redactedConfig = redactConfig(config, definition.configSchema);

    // Before the transport: malformed options must not leave an SDK client behind.
    const idempotency = createIdempotency(options.idempotency, {
      provider,
      connectorId: definition.metadata.id,
    });
    const closeController = new AbortController();
    // Transports pass it to their I/O, once per in-flight send: hundreds of parallel sends
    // are normal, not a leak.
    setMaxListeners(0, closeController.signal);
    const transport = definition.createTransport(config, {
      provider,
      closeSignal: closeController.signal,
    });
    // The rejecters of the sends in flight without a caller signal (see sendUntilClosed).
    const inFlight = new Set<(error: ConnectorError) => void>();
    let closePromise: Promise<void> | undefined;

    const emit = (event: ConnectorEvent): void => {
      if (!options.onEvent) return;
      try {
        const returned: unknown = options.onEvent(event);
        // An async listener's rejection must not become an unhandled rejection.
        if (returned instanceof Promise) returned.catch(() => {});
      } catch {
        // Observability must never break a send.
      }
    };

    const assertOpen = (): void => {
      if (closePromise !== undefined) {
        throw new ConnectorError(
          'general',
          `This ${provider} connector was closed; create a new connector to send again.`,
          { provider, hint: 'Call close() only when the connector is no longer needed.' },
        );
      }
    };

    const abortedError = (callerSignal: AbortSignal | undefined): ConnectorError =>
      callerSignal?.aborted
        ? new ConnectorError('aborted', 'The send was aborted: the caller’s AbortSignal fired.', {
            provider,
            cause: callerSignal.reason,
          })
        : new ConnectorError(
            'aborted',
            `The send was aborted because the ${provider} connector was closed while it was in flight.`,
            { provider },
          );

    const normalize = (error: unknown, secrets: readonly string[]): ConnectorError => {
      const result = ConnectorError.isInstance(error)
        ? error
        : new ConnectorError(
            'general',
            `The ${provider} provider call failed unexpectedly: ${describeError(error)}`,
            { provider, cause: error },
          );
      // The instance may come from a transport (or another copy of this package): fill in and
      // scrub in place so its stack and identity survive.
      const writable = result as { provider?: string; message: string; hint?: string };
      try {
        if (!result.provider) writable.provider = provider;
        writable.message = scrubSecrets(result.message, secrets);
        if (result.hint !== undefined) writable.hint = scrubSecrets(result.hint, secrets);
      } catch {
        // A frozen error keeps what it has.
      }
      return result;
    };

    const checkResult = (result: TransportResult | undefined): TransportResult => {
      if (typeof result?.messageId !== 'string' || result.messageId === '') {
        throw new ConnectorError('general', `The ${provider} transport returned no message id.`, {
          provider,
          hint: 'This is a bug in the connector; please report it.',
        });
      }
      return result;
    };

    const startSend = (email: OutgoingEmail, signal: AbortSignal): Promise<TransportResult> => {
      try {
        return Promise.resolve(transport.send(email, { signal }));
      } catch (error) {
        return Promise.reject(error);
      }
    };

    // Without a caller signal, only close() can abort a send: the transport gets the close
    // signal itself, and close() rejects the sends waiting here. That spares each send an
    // AbortController, its listeners and a Promise.race.
    const sendUntilClosed = (email: OutgoingEmail): Promise<TransportResult> =>
      new Promise<TransportResult>((resolve, reject) => {
        inFlight.add(reject);
        startSend(email, closeController.signal).then(
          (result) => {
            inFlight.delete(reject);
            resolve(result);
          },
          (error: unknown) => {
            inFlight.delete(reject);
            // A transport that fails because its signal fired was aborted, whatever it threw.
            reject(closeController.signal.aborted ? abortedError(undefined) : error);
          },
        );
      });

    const sendUntilAborted = async (
      email: OutgoingEmail,
      callerSignal: AbortSignal,
    ): Promise<TransportResult> => {
      const controller = new AbortController();
      const onCallerAbort = (): void => controller.abort(callerSignal.reason);
      const onClose = (): void => controller.abort(closeController.signal.reason);
      callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      closeController.signal.addEventListener('abort', onClose, { once: true });
      try {
        // Rejects promptly on abort even when the transport ignores its signal.
        const aborted = new Promise<never>((_, reject) => {
          controller.signal.addEventListener('abort', () => reject(abortedError(callerSignal)), {
            once: true,
          });
        });
        const sending = startSend(email, controller.signal);
        aborted.catch(() => {});
        sending.catch(() => {});
        return await Promise.race([sending, aborted]);
      } catch (error) {
        if (controller.signal.aborted) throw abortedError(callerSignal);
        throw error;
      } finally {
        callerSignal.removeEventListener('abort', onCallerAbort);
        closeController.signal.removeEventListener('abort', onClose);
      }
    };

    const callTransport = async (
      email: OutgoingEmail,
      callerSignal: AbortSignal | undefined,
    ): Promise<TransportResult> => {
      // close() may have run since the send started (e.g. from an onEvent listener).
      if (closeController.signal.aborted) throw abortedError(undefined);
      return checkResult(
        await (callerSignal === undefined
          ? sendUntilClosed(email)
          : sendUntilAborted(email, callerSignal)),
      );
    };

    const send = async (input: SendMessageInput, sendOptions: SendOptions): Promise<SendResult> => {
      assertOpen();
      const code = (input as { payload?: { code?: unknown } } | undefined)?.payload?.code;
      const secrets = typeof code === 'string' ? [...configSecrets, code] : configSecrets;
      const { signal } = sendOptions;
      if (signal?.aborted) throw abortedError(signal);

      const inputResult = sendInputSchema.safeParse(input);
      if (!inputResult.success) {
        throw normalize(
          new ConnectorError(
            'invalid_request_parameters',
            `Invalid sendMessage input: ${formatIssues(inputResult.error).join('; ')}`,
            {
              hint: 'Pass { to: string, type: a usage type, payload: object }; code and link are strings.',
            },
          ),
          secrets,
        );
      }
      const { to, type, payload } = inputResult.data;
      const base = { provider, usageType: type, recipient: maskAddress(to) };
      const started = performance.now();
      emit({ type: 'send:start', ...base });
      try {
        const recipient = parseMailbox(to, { label: 'recipient "to"' });
        const template = selectTemplate(config.templates, type, payload.locale);
        const rendered = renderTemplate(template, payload);
        const email: OutgoingEmail = {
          from,
          to: [recipient],
          replyTo: [...replyTo],
          subject: rendered.subject,
          ...(rendered.html === undefined ? {} : { html: rendered.html }),
          text: rendered.text,
          headers: { ...baseHeaders },
          tags: { ...baseTags, usage_type: type },
          usageType: type,
          ...(template.locale === undefined ? {} : { locale: template.locale }),
        };
        if (signal?.aborted) throw abortedError(signal);
        const result = await callTransport(email, signal);
        const sendResult: SendResult = {
          messageId: result.messageId,
          provider,
          ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
          attempts: result.attempts ?? 1,
        };
        emit({
          type: 'send:success',
          ...base,
          durationMs: performance.now() - started,
          attempts: sendResult.attempts,
          messageId: sendResult.messageId,
          ...(sendResult.requestId === undefined ? {} : { requestId: sendResult.requestId }),
        });
        return sendResult;
      } catch (caught) {
        const error = normalize(caught, secrets);
        emit({
          type: 'send:error',
          ...base,
          durationMs: performance.now() - started,
          ...(error.attempts === undefined ? {} : { attempts: error.attempts }),
          errorCode: error.code,
          retryable: error.retryable,
        });
        throw error;
      }
    };

    // `identity` stands in for the message when telling a retry from a reused key; testSend
    // draws a fresh code per call, so a double click must still count as the same message.
    const sendKeyed = async (
      input: SendMessageInput,
      sendOptions: SendOptions = {},
      identity?: (message: SendMessageInput) => SendMessageInput,
    ): Promise<SendResult> => {
      const key = (sendOptions as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
      if (key === undefined) return send(input, sendOptions);
      assertOpen();
      const { signal } = sendOptions;
      if (signal?.aborted) throw abortedError(signal);
      const parsed = sendInputSchema.safeParse(input);
      // An invalid input fails the same way with or without a key, and never takes the key.
      if (!parsed.success) return send(input, sendOptions);
      const code = parsed.data.payload.code;
      try {
        return await idempotency.run({
          key,
          message: identity ? identity(parsed.data) : parsed.data,
          signal,
          closed: closeController.signal,
          abortedError: () => abortedError(signal),
          send: () => send(input, sendOptions),
        });
      } catch (error) {
        throw normalize(error, code === undefined ? configSecrets : [...configSecrets, code]);
      }
    };

    const sendMessage = (input: SendMessageInput, sendOptions?: SendOptions) =>
      sendKeyed(input, sendOptions);

    const check = async (checkOptions: CheckOptions = {}): Promise<CheckReport> => {
      assertOpen();
      const signal = checkOptions.signal
        ? AbortSignal.any([checkOptions.signal, closeController.signal])
        : closeController.signal;
      try {
        return await transport.check!({ signal });
      } catch (error) {
        throw normalize(error, configSecrets);
      }
    };

    const snapshot = () => ({
      metadata,
      config: redactedConfig,
      closed: closePromise !== undefined,
    });

    const connector = {
      metadata,
      get closed(): boolean {
        return closePromise !== undefined;
      },
      sendMessage,
      testSend(to: string, sendOptions?: SendOptions): Promise<SendResult> {
        const code = String(randomInt(100_000, 1_000_000));
        return sendKeyed({ to, type: 'Generic', payload: { code } }, sendOptions, (message) => ({
          ...message,
          payload: { testSend: true },
        }));
      },
      ...(typeof transport.check === 'function' ? { check } : {}),
      close(): Promise<void> {
        closePromise ??= (async () => {
          closeController.abort();
          for (const reject of inFlight) reject(abortedError(undefined));
          inFlight.clear();
          await transport.close?.();
        })();
        return closePromise;
      },
      toJSON: snapshot,
      [Symbol.for('nodejs.util.inspect.custom')](
        depth: number,
        inspectOptions: Parameters<typeof inspect>[1],
      ): string {
        if (depth < 0) return `[EmailConnector ${provider}]`;
        const nested = inspectOptions?.depth;
        return `EmailConnector ${inspect(snapshot(), {
          ...inspectOptions,
          depth: nested === null || nested === undefined ? nested : nested - 1,
        })}`;
      },
    };
    return connector;
  };

  return Object.assign(factory, { metadata });
}
