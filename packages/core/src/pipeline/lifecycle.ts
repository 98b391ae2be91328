import { setMaxListeners } from 'node:events';
import { ConnectorError } from '../connector-error.js';

/** Open until `close()`: one close signal for every send in flight and the transport. */
export interface Lifecycle {
  readonly signal: AbortSignal;
  readonly closed: boolean;
  /** @throws ConnectorError `general` once closed. */
  assertOpen(): void;
  /** Idempotent: fires the signal (rejecting the sends in flight), then closes the transport. */
  close(closeTransport: () => void | Promise<void>): Promise<void>;
}

export function createLifecycle(provider: string): Lifecycle {
  const controller = new AbortController();
  // Each send in flight listens to it (and transports pass it to their I/O): hundreds of
  // parallel sends are normal, not a leak.
  setMaxListeners(0, controller.signal);
  let closing: Promise<void> | undefined;
  return {
    signal: controller.signal,
    get closed() {
      return closing !== undefined;
    },
    assertOpen() {
      if (closing === undefined) return;
      throw new ConnectorError(
        'general',
        `This ${provider} connector was closed; create a new connector to send again.`,
        { provider, hint: 'Call close() only when the connector is no longer needed.' },
      );
    },
    close(closeTransport) {
      closing ??= (async () => {
        controller.abort();
        await closeTransport();
      })();
      return closing;
    },
  };
}
