/**
 * Settles like `promise`, or rejects with `abortedError()` as soon as `signal` fires, whichever
 * comes first; for work that may ignore its signal. The listener is removed when either settles,
 * so a long-lived signal (a connector's close signal) does not collect one per call.
 */
export function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  abortedError: () => unknown,
): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortedError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
