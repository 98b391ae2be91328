import type { ConnectorError } from '../connector-error.js';
import type { ConnectorEvent, SendResult } from '../contract.js';
import { maskAddress } from '../mailbox.js';
import type { UsageType } from '../usage-types.js';

export type Emit<Event = ConnectorEvent> = (event: Event) => void;

/** A listener (`onEvent`), made safe: a throwing or rejecting listener never breaks a send. */
export function createEmitter<Event = ConnectorEvent>(
  onEvent: ((event: Event) => unknown) | undefined,
): Emit<Event> | undefined {
  if (!onEvent) return undefined;
  return (event) => {
    try {
      const returned: unknown = onEvent(event);
      // An async listener's rejection must not become an unhandled rejection.
      if (returned instanceof Promise) returned.catch(() => {});
    } catch {
      // Observability must never break a send.
    }
  };
}

/** The events of one send: start now, then success or error with the time it took. */
export interface SendEvents {
  success(result: SendResult): void;
  error(error: ConnectorError): void;
  /** The suppression store failed and the send goes on unchecked. */
  suppressionUnchecked(error: unknown): void;
}

const silent: SendEvents = { success() {}, error() {}, suppressionUnchecked() {} };

export function startSendEvents(
  emit: Emit | undefined,
  provider: string,
  usageType: UsageType,
  to: string,
): SendEvents {
  if (emit === undefined) return silent;
  const base = { provider, usageType, recipient: maskAddress(to) };
  const started = performance.now();
  emit({ type: 'send:start', ...base });
  return {
    success(result) {
      emit({
        type: 'send:success',
        ...base,
        durationMs: performance.now() - started,
        attempts: result.attempts,
        messageId: result.messageId,
        ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
      });
    },
    suppressionUnchecked(error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      emit({
        type: 'send:suppression-unchecked',
        ...base,
        // A store's error may quote the key it looked up: addresses in it are masked too.
        message: text.slice(0, 300).replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, maskAddress),
      });
    },
    error(error) {
      emit({
        type: 'send:error',
        ...base,
        durationMs: performance.now() - started,
        ...(error.attempts === undefined ? {} : { attempts: error.attempts }),
        errorCode: error.code,
        retryable: error.retryable,
      });
    },
  };
}
