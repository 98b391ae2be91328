import type { BaseConnectorConfig, EmailTransport, SendOptions, SendResult } from '../contract.js';
import { maskAddress } from '../mailbox.js';
import type { RecipientThrottle } from '../recipient-throttle.js';
import type { SuppressionOptions } from '../suppression-store.js';
import { buildOutgoingEmail } from './build-outgoing-email.js';
import { callTransport } from './call-transport.js';
import { checkSuppression } from './check-suppression.js';
import { type Emit, startSendEvents } from './emit-events.js';
import type { Lifecycle } from './lifecycle.js';
import { abortedError, toConnectorError } from './map-to-connector-error.js';
import type { ResolvedConfig } from './resolve-config.js';
import { codeOf, parseSendInput } from './send-input.js';

/** What one connector's sends share. */
export interface SendContext {
  provider: string;
  resolved: ResolvedConfig<BaseConnectorConfig>;
  transport: EmailTransport;
  lifecycle: Lifecycle;
  emit: Emit | undefined;
  /** `ConnectorOptions.suppression`: checked after the email is built, before the transport. */
  suppression?: SuppressionOptions;
  /** `ConnectorOptions.recipientLimit`: counted after the suppression check, before the transport. */
  recipientThrottle?: RecipientThrottle;
}

/** The secrets of one send: the config's, and the verification code of its input. */
export function sendSecrets(context: SendContext, input: unknown): readonly string[] {
  const code = codeOf(input);
  return code === undefined ? context.resolved.secrets : [...context.resolved.secrets, code];
}

/**
 * One send, stage by stage: validate the input, build the email (template selection and
 * rendering), call the transport, and report. Every failure leaves as a scrubbed
 * `ConnectorError`; events are emitted from the first stage that knows the recipient.
 */
export async function send(
  context: SendContext,
  input: unknown,
  options: SendOptions,
): Promise<SendResult> {
  const { provider, lifecycle } = context;
  const { signal } = options;
  const secrets = sendSecrets(context, input);
  lifecycle.assertOpen();
  if (signal?.aborted) throw abortedError(provider, signal);
  let parsed: ReturnType<typeof parseSendInput>;
  try {
    parsed = parseSendInput(input, provider);
  } catch (error) {
    throw toConnectorError(error, provider, secrets);
  }
  const events = startSendEvents(context.emit, provider, parsed.type, parsed.to);
  try {
    const email = buildOutgoingEmail(parsed, context.resolved);
    if (context.suppression) {
      await checkSuppression(email, context.suppression, provider, (error) =>
        events.suppressionUnchecked(error),
      );
    }
    if (context.recipientThrottle && email.to[0]) {
      await context.recipientThrottle.check(email.to[0], {
        provider,
        usageType: parsed.type,
        recipient: maskAddress(parsed.to),
      });
    }
    if (signal?.aborted) throw abortedError(provider, signal);
    const result = await callTransport(
      context.transport,
      email,
      provider,
      lifecycle.signal,
      signal,
      typeof options.idempotencyKey === 'string' ? options.idempotencyKey : undefined,
    );
    const sendResult: SendResult = {
      messageId: result.messageId,
      provider,
      ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
      attempts: result.attempts ?? 1,
    };
    events.success(sendResult);
    return sendResult;
  } catch (caught) {
    const error = toConnectorError(caught, provider, secrets);
    events.error(error);
    throw error;
  }
}
