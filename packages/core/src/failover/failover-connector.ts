import { ConnectorError } from '../connector-error.js';
import type {
  CheckOptions,
  CheckReport,
  EmailConnector,
  SendMessageInput,
  SendOptions,
  SendResult,
} from '../contract.js';
import { createIdempotency, type IdempotentMessage } from '../idempotency.js';
import { maskAddress } from '../mailbox.js';
import { inspect } from '../node-builtins.js';
import { createEmitter, startSendEvents } from '../pipeline/emit-events.js';
import type { UsageType } from '../usage-types.js';
import { checkEvery } from './failover-check.js';
import { asConnectorError, callsOf, combinedError, type Tried } from './failover-errors.js';
import { failoverMetadata, validateConnectors } from './failover-members.js';
import { type FailoverOptions, resolveFailoverOptions } from './failover-options.js';
import { createFailoverOrder } from './failover-order.js';

function messageOf(input: unknown): IdempotentMessage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { to, type, payload } = input as Record<string, unknown>;
  if (typeof to !== 'string' || typeof type !== 'string') return undefined;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  return { to, type, payload: payload as Record<string, unknown> };
}

/**
 * One connector over several: each send goes to the first connector (or, with round-robin, the
 * next in turn) and moves on to the next only when a provider did not take the message
 * (throttled or unavailable, see `FailoverOptions.failoverOn`), never after a connector
 * accepted it and never for bad input. The idempotency key is kept by the failover connector
 * itself and passed to every connector it tries, so a provider with its own deduplication
 * (Resend's Idempotency-Key) gets it too. `SendResult.sentBy` says which connector sent.
 *
 * The failover connector owns the connectors: `close()` closes them.
 */
export function createFailoverConnector(
  connectors: readonly EmailConnector[],
  options: FailoverOptions = {},
): EmailConnector {
  validateConnectors(connectors);
  const resolved = resolveFailoverOptions(options);
  const { provider, failoverOn } = resolved;
  const members = [...connectors];
  const metadata = failoverMetadata(members, resolved);
  const nextOrder = createFailoverOrder(members.length, resolved.strategy);
  const idempotency = createIdempotency(options.idempotency, {
    provider,
    connectorId: resolved.id,
  });
  const closeController = new AbortController();
  let closePromise: Promise<void> | undefined;

  const emit = createEmitter(options.onEvent);
  const emitAttempt = createEmitter(options.onAttempt);

  const assertOpen = (): void => {
    if (closePromise !== undefined) {
      throw new ConnectorError(
        'general',
        `This ${provider} connector was closed; create a new connector to send again.`,
        { provider, hint: 'Call close() only when the connector is no longer needed.' },
      );
    }
  };

  const abortedError = (signal: AbortSignal | undefined): ConnectorError =>
    signal?.aborted
      ? new ConnectorError('aborted', 'The send was aborted: the caller’s AbortSignal fired.', {
          provider,
          cause: signal.reason,
        })
      : new ConnectorError(
          'aborted',
          `The send was aborted because the ${provider} connector was closed while it was in flight.`,
          { provider },
        );

  const memberOf = (index: number) => {
    const member = members[index] as EmailConnector;
    return { index, provider: member.metadata.provider, connectorId: member.metadata.id };
  };

  const finalError = (tried: Tried[]): ConnectorError =>
    combinedError(tried, provider, (index) => memberOf(index).provider);

  const attemptAll = async (
    usageType: UsageType,
    to: string,
    signal: AbortSignal | undefined,
    run: (member: EmailConnector) => Promise<SendResult>,
  ): Promise<SendResult> => {
    assertOpen();
    if (signal?.aborted) throw abortedError(signal);
    const base = { provider, usageType, recipient: maskAddress(to) };
    const events = startSendEvents(emit, provider, usageType, to);
    const order = nextOrder();
    const tried: Tried[] = [];
    let calls = 0;
    try {
      for (const [position, index] of order.entries()) {
        if (signal?.aborted || closeController.signal.aborted) throw abortedError(signal);
        const member = members[index] as EmailConnector;
        const attemptStarted = performance.now();
        const attempt = { ...base, type: 'failover:attempt' as const, member: memberOf(index) };
        try {
          const result = await run(member);
          calls += result.attempts;
          emitAttempt?.({
            ...attempt,
            outcome: 'success',
            durationMs: performance.now() - attemptStarted,
            attempts: result.attempts,
            messageId: result.messageId,
            next: 'done',
          });
          const sent: SendResult = {
            messageId: result.messageId,
            provider,
            ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
            attempts: calls,
            sentBy: memberOf(index),
          };
          events.success(sent);
          return sent;
        } catch (caught) {
          const error = asConnectorError(caught, member.metadata.provider);
          calls += callsOf(error);
          tried.push({ index, error });
          const more =
            position < order.length - 1 &&
            failoverOn.has(error.code) &&
            !signal?.aborted &&
            !closeController.signal.aborted;
          emitAttempt?.({
            ...attempt,
            outcome: 'error',
            durationMs: performance.now() - attemptStarted,
            attempts: callsOf(error),
            errorCode: error.code,
            retryable: error.retryable,
            next: more ? 'failover' : 'done',
          });
          if (!more) throw finalError(tried);
        }
      }
      throw finalError(tried);
    } catch (caught) {
      const error = asConnectorError(caught, provider);
      events.error(error);
      throw error;
    }
  };

  const keyed = (
    message: IdempotentMessage | undefined,
    sendOptions: SendOptions,
    send: () => Promise<SendResult>,
  ): Promise<SendResult> => {
    const key = (sendOptions as { idempotencyKey?: unknown }).idempotencyKey;
    if (key === undefined || message === undefined) return send();
    assertOpen();
    if (sendOptions.signal?.aborted) return Promise.reject(abortedError(sendOptions.signal));
    return idempotency.run({
      key,
      message,
      signal: sendOptions.signal,
      closed: closeController.signal,
      abortedError: () => abortedError(sendOptions.signal),
      send,
    });
  };

  const memberOptions = (sendOptions: SendOptions): SendOptions => ({
    ...(sendOptions.signal === undefined ? {} : { signal: sendOptions.signal }),
    ...(sendOptions.idempotencyKey === undefined
      ? {}
      : { idempotencyKey: sendOptions.idempotencyKey }),
  });

  const check = (checkOptions: CheckOptions = {}): Promise<CheckReport> => {
    assertOpen();
    return checkEvery(members, checkOptions);
  };

  const snapshot = () => ({
    metadata,
    strategy: resolved.strategy,
    connectors: members.map((member) => member.metadata.id),
    closed: closePromise !== undefined,
  });

  return {
    metadata,
    get closed(): boolean {
      return closePromise !== undefined;
    },
    sendMessage(input: SendMessageInput, sendOptions: SendOptions = {}): Promise<SendResult> {
      const message = messageOf(input);
      const send = () =>
        attemptAll(
          (message?.type ?? 'Generic') as UsageType,
          message?.to ?? '',
          sendOptions.signal,
          (member) => member.sendMessage(input, memberOptions(sendOptions)),
        );
      try {
        return keyed(message, sendOptions, send);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    testSend(to: string, sendOptions: SendOptions = {}): Promise<SendResult> {
      const send = () =>
        attemptAll('Generic', to, sendOptions.signal, (member) =>
          member.testSend(to, memberOptions(sendOptions)),
        );
      const identity =
        typeof to === 'string' ? { to, type: 'Generic', payload: { testSend: true } } : undefined;
      try {
        return keyed(identity, sendOptions, send);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    ...(metadata.capabilities.check ? { check } : {}),
    close(): Promise<void> {
      closePromise ??= (async () => {
        closeController.abort();
        await Promise.allSettled(members.map((member) => member.close()));
      })();
      return closePromise;
    },
    toJSON: snapshot,
    [Symbol.for('nodejs.util.inspect.custom')](
      depth: number,
      inspectOptions: Parameters<typeof inspect>[1],
    ): string {
      if (depth < 0) return `[EmailConnector ${provider}]`;
      return `EmailConnector ${inspect(snapshot(), inspectOptions)}`;
    },
  } as EmailConnector;
}
