import type { SendMessageInput, SendOptions, SendResult } from '../contract.js';
import type { Idempotency } from '../idempotency.js';
import { abortedError, toConnectorError } from './map-to-connector-error.js';
import { type SendContext, send, sendSecrets } from './send.js';
import { parseSendInput } from './send-input.js';

/**
 * A send with an optional idempotency key: without one it is `send`; with one, the
 * idempotency coordinator decides whether this call sends or replays. `identity` stands in
 * for the message when telling a retry from a reused key (testSend draws a fresh code per
 * call, so a double click must still count as the same message).
 */
export async function sendKeyed(
  context: SendContext,
  idempotency: Idempotency,
  input: unknown,
  options: SendOptions,
  identity?: (message: SendMessageInput) => SendMessageInput,
): Promise<SendResult> {
  const key = options.idempotencyKey;
  if (key === undefined) return send(context, input, options);
  const { provider, lifecycle } = context;
  const { signal } = options;
  lifecycle.assertOpen();
  if (signal?.aborted) throw abortedError(provider, signal);
  let message: SendMessageInput;
  try {
    message = parseSendInput(input, provider);
  } catch {
    // An invalid input fails the same way with or without a key, and never takes the key.
    return send(context, input, options);
  }
  try {
    return await idempotency.run({
      key,
      message: identity ? identity(message) : message,
      signal,
      closed: lifecycle.signal,
      abortedError: () => abortedError(provider, signal),
      send: () => send(context, input, options),
    });
  } catch (error) {
    throw toConnectorError(error, provider, sendSecrets(context, input));
  }
}
