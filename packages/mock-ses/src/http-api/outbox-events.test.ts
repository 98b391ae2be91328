import { describe, expect, it } from 'vitest';
import type { Outbox, OutboxMessage } from '../types.js';
import { Notifier, outboxEventStream } from './outbox-events.js';

/** An outbox that counts its live subscriptions: a leak shows as a count that stays up. */
function countingOutbox() {
  const listeners = new Set<(message: OutboxMessage) => void>();
  const outbox = {
    size: 0,
    subscribe(listener: (message: OutboxMessage) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  } as unknown as Outbox;
  return { outbox, live: () => listeners.size };
}

describe('outbox event streams are cleaned up', () => {
  it('unsubscribes everything when the client goes away', async () => {
    const { outbox, live } = countingOutbox();
    const clears = new Notifier();
    const shutdown = { closing: false, notifier: new Notifier() };
    const clients = Array.from({ length: 12 }, () => new AbortController());
    const responses = clients.map((client) =>
      outboxEventStream({ outbox, clears, signal: client.signal, shutdown }),
    );
    expect(live()).toBe(12);
    for (const client of clients) client.abort();
    expect(live()).toBe(0);
    // The shutdown notifier holds nothing for streams that already ended.
    let notified = 0;
    shutdown.notifier.subscribe(() => {
      notified += 1;
    });
    shutdown.notifier.notify();
    expect(notified).toBe(1);
    for (const response of responses) await response.body?.cancel();
  });

  it('ends every stream on shutdown, and refuses to open one while closing', () => {
    const { outbox, live } = countingOutbox();
    const clears = new Notifier();
    const shutdown = { closing: false, notifier: new Notifier() };
    for (let i = 0; i < 3; i++) {
      outboxEventStream({ outbox, clears, signal: new AbortController().signal, shutdown });
    }
    shutdown.closing = true;
    shutdown.notifier.notify();
    expect(live()).toBe(0);
    outboxEventStream({ outbox, clears, signal: new AbortController().signal, shutdown });
    expect(live()).toBe(0);
  });
});
