import { ConnectorError } from '../connector-error.js';
import type {
  CheckItem,
  CheckOptions,
  CheckReport,
  ConnectorEvent,
  ConnectorMetadata,
  EmailConnector,
  SendMessageInput,
  SendOptions,
  SendResult,
} from '../contract.js';
import { createIdempotency, type IdempotentMessage } from '../idempotency.js';
import { maskAddress } from '../mailbox.js';
import { inspect } from '../node-builtins.js';
import type { UsageType } from '../usage-types.js';
import {
  type FailoverAttemptEvent,
  type FailoverOptions,
  resolveFailoverOptions,
} from './failover-options.js';
import { createFailoverOrder } from './failover-order.js';

interface Tried {
  index: number;
  error: ConnectorError;
}

// Codes raised before any provider call: they count no attempt when a connector omits one.
const noCallCodes = new Set([
  'invalid_config',
  'invalid_request_parameters',
  'template_not_found',
  'aborted',
]);

function callsOf(error: ConnectorError): number {
  return error.attempts ?? (noCallCodes.has(error.code) ? 0 : 1);
}

function asConnectorError(error: unknown, provider: string): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ConnectorError('general', `The connector failed unexpectedly: ${text.slice(0, 300)}`, {
    provider,
    cause: error,
  });
}

function messageOf(input: unknown): IdempotentMessage | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { to, type, payload } = input as Record<string, unknown>;
  if (typeof to !== 'string' || typeof type !== 'string') return undefined;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  return { to, type, payload: payload as Record<string, unknown> };
}

function validateConnectors(connectors: unknown): asserts connectors is readonly EmailConnector[] {
  const problem = !Array.isArray(connectors)
    ? 'pass an array of connectors'
    : connectors.length === 0
      ? 'pass at least one connector'
      : connectors.findIndex(
            (c) => typeof c?.sendMessage !== 'function' || typeof c?.metadata !== 'object',
          ) !== -1
        ? 'every entry must be an EmailConnector (from a connector factory)'
        : new Set(connectors).size !== connectors.length
          ? 'each connector may appear once; create a second connector to use a provider twice'
          : undefined;
  if (problem) {
    throw new ConnectorError('invalid_config', `Invalid failover connector list: ${problem}.`, {
      provider: 'failover',
      hint: 'createFailoverConnector([primary, secondary], options) with connectors made by their factories.',
    });
  }
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
  const names = members.map((c) => c.metadata.name).join(' → ');
  const every = (name: 'tags' | 'replyTo' | 'requestTimeout') =>
    members.every((c) => c.metadata.capabilities[name]);
  const metadata: ConnectorMetadata = Object.freeze({
    id: resolved.id,
    provider,
    name: `Failover (${names})`,
    description: `Sends through ${names} in ${resolved.strategy} order, moving on to the next when a provider throttles or is unavailable.`,
    capabilities: Object.freeze({
      check: members.some((c) => typeof c.check === 'function'),
      tags: every('tags'),
      replyTo: every('replyTo'),
      retries: members.length > 1 || members.some((c) => c.metadata.capabilities.retries),
      requestTimeout: every('requestTimeout'),
    }),
    formItems: Object.freeze([]),
  });
  const nextOrder = createFailoverOrder(members.length, resolved.strategy);
  const idempotency = createIdempotency(options.idempotency, {
    provider,
    connectorId: resolved.id,
  });
  const closeController = new AbortController();
  let closePromise: Promise<void> | undefined;

  const safely = <E>(listener: ((event: E) => void) | undefined, event: E): void => {
    if (!listener) return;
    try {
      const returned: unknown = listener(event);
      if (returned instanceof Promise) returned.catch(() => {});
    } catch {
      // Observability must never break a send.
    }
  };
  const emit = (event: ConnectorEvent) => safely(options.onEvent, event);
  const emitAttempt = (event: FailoverAttemptEvent) => safely(options.onAttempt, event);

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

  const finalError = (tried: Tried[]): ConnectorError => {
    const last = tried.at(-1) as Tried;
    const lastName = memberOf(last.index).provider;
    const before = tried
      .slice(0, -1)
      .map((t) => `${memberOf(t.index).provider} (${t.error.code})`)
      .join(', then ');
    const calls = tried.reduce((sum, t) => sum + callsOf(t.error), 0);
    const { error } = last;
    return new ConnectorError(
      error.code,
      before === ''
        ? `${lastName}: ${error.message}`
        : `Every connector tried failed: ${before}, then ${lastName}: ${error.message}`,
      {
        provider,
        retryable: error.retryable,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
        ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
        ...(calls === 0 ? {} : { attempts: calls }),
        cause: error,
      },
    );
  };

  const attemptAll = async (
    usageType: UsageType,
    to: string,
    signal: AbortSignal | undefined,
    run: (member: EmailConnector) => Promise<SendResult>,
  ): Promise<SendResult> => {
    assertOpen();
    if (signal?.aborted) throw abortedError(signal);
    const base = { provider, usageType, recipient: maskAddress(to) };
    const started = performance.now();
    emit({ type: 'send:start', ...base });
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
          emitAttempt({
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
          emit({
            type: 'send:success',
            ...base,
            durationMs: performance.now() - started,
            attempts: sent.attempts,
            messageId: sent.messageId,
            ...(sent.requestId === undefined ? {} : { requestId: sent.requestId }),
          });
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
          emitAttempt({
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

  const check = async (checkOptions: CheckOptions = {}): Promise<CheckReport> => {
    assertOpen();
    const lists = await Promise.all(
      members.map(async (member, index): Promise<CheckItem[]> => {
        const label = `${index + 1}. ${member.metadata.provider}`;
        if (typeof member.check !== 'function') {
          return [
            {
              name: label,
              status: 'warn',
              detail: `${member.metadata.name} has no preflight check; it was not checked.`,
            },
          ];
        }
        try {
          const report = await member.check(checkOptions);
          return report.checks.map((item) => ({ ...item, name: `${label}: ${item.name}` }));
        } catch (caught) {
          const error = asConnectorError(caught, member.metadata.provider);
          return [
            {
              name: label,
              status: 'fail',
              detail: error.message,
              ...(error.hint === undefined ? {} : { hint: error.hint }),
            },
          ];
        }
      }),
    );
    const checks = lists.flat();
    return { ok: checks.every((item) => item.status !== 'fail'), checks };
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
