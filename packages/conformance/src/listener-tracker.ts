type Listener = EventListenerOrEventListenerObject;

export interface ListenerTracker {
  /** Listeners still attached to an `AbortSignal` that has not fired, per signal. */
  pending(): { signal: AbortSignal; count: number }[];
  stop(): void;
}

/**
 * Counts the `abort` listeners added to and removed from every AbortSignal while it runs, by
 * wrapping `EventTarget.prototype.addEventListener`. A listener left behind per send on a
 * long-lived signal (the connector's close signal, an app's shutdown signal) piles up.
 */
export function trackAbortListeners(): ListenerTracker {
  const proto = EventTarget.prototype;
  const originalAdd = proto.addEventListener;
  const originalRemove = proto.removeEventListener;
  const attached = new Map<AbortSignal, Set<Listener>>();
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: AddEventListenerOptions | boolean,
  ) {
    if (type === 'abort' && listener && this instanceof AbortSignal && !this.aborted) {
      const set = attached.get(this) ?? new Set<Listener>();
      attached.set(this, set);
      set.add(listener);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => set.delete(listener), { once: true });
    }
    return originalAdd.call(this, type, listener, options);
  } as typeof proto.addEventListener;
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: EventListenerOptions | boolean,
  ) {
    if (type === 'abort' && listener && this instanceof AbortSignal) {
      attached.get(this)?.delete(listener);
    }
    return originalRemove.call(this, type, listener, options);
  } as typeof proto.removeEventListener;
  return {
    pending() {
      return [...attached]
        .filter(([signal, set]) => !signal.aborted && set.size > 0)
        .map(([signal, set]) => ({ signal, count: set.size }));
    },
    stop() {
      proto.addEventListener = originalAdd;
      proto.removeEventListener = originalRemove;
    },
  };
}
