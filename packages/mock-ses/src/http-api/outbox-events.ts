import type { Outbox, OutboxMessage } from '../types.js';

/**
 * A plain set of callbacks: outbox changes the engine does not announce itself (clears made
 * through the HTTP API), and the server's shutdown. One listener set per router, not one
 * AbortSignal listener per stream (past ten, node warns of a leak).
 */
export class Notifier {
  readonly #listeners = new Set<() => void>();

  subscribe(listener: () => void) {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  notify() {
    for (const listener of this.#listeners) listener();
  }
}

export interface OutboxEventStreamOptions {
  outbox: Outbox;
  clears: Notifier;
  /** Ends the stream: the client went away. */
  signal: AbortSignal;
  /** Ends the stream: the server is closing. */
  shutdown?: { readonly closing: boolean; readonly notifier: Notifier };
  /** Comment lines keep proxies and idle timers from cutting a quiet stream. */
  keepAliveMs?: number;
}

const encoder = new TextEncoder();

/**
 * Server-Sent Events for the outbox page: a default `message` event per accepted message
 * (data = the OutboxMessage JSON) and a `cleared` event when the outbox is emptied over HTTP.
 */
export function outboxEventStream({
  outbox,
  clears,
  signal,
  shutdown,
  keepAliveMs = 15_000,
}: OutboxEventStreamOptions): Response {
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The stream was already closed by the reader; nothing left to tell.
        }
      };
      const onMessage = (message: OutboxMessage) => send(`data: ${JSON.stringify(message)}\n\n`);
      const unsubscribeOutbox = outbox.subscribe(onMessage);
      const unsubscribeClears = clears.subscribe(() => send('event: cleared\ndata: {}\n\n'));
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
      keepAlive.unref?.();
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed or cancelled.
        }
      };
      const unsubscribeShutdown = shutdown?.notifier.subscribe(end);
      cleanup = () => {
        clearInterval(keepAlive);
        unsubscribeOutbox();
        unsubscribeClears();
        unsubscribeShutdown?.();
        signal.removeEventListener('abort', end);
      };
      if (signal.aborted || shutdown?.closing) {
        end();
        return;
      }
      signal.addEventListener('abort', end, { once: true });
      // The first bytes flush the headers, so EventSource reports `open` at once.
      send(`retry: 2000\n: ${outbox.size} message(s) so far\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
