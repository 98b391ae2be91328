/** Resolves after `ms`, or rejects as soon as `signal` aborts: a client timeout leaves no timer behind. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    // msw gives resolvers no signal that fires when the client gives up: never let such a
    // timer keep the process alive.
    timer.unref?.();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
