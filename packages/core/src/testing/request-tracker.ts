/** What a mock engine counts for the conformance kit's concurrency and hang-up checks. */
export interface RequestTracker {
  /** Call when a send request arrives; call the returned function once it is answered. */
  start(signal: AbortSignal): () => void;
  peakInFlight(): number;
  hangUps(): number;
  reset(): void;
}

/**
 * Counts the send requests in flight (from arrival to answer) and the ones whose client hung up
 * before the answer: what the conformance suite reads as `peakInFlight()` and `hangUps()`.
 */
export function createRequestTracker(): RequestTracker {
  let inFlight = 0;
  let peak = 0;
  let hangUps = 0;
  return {
    start(signal: AbortSignal): () => void {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      let answered = false;
      const onAbort = (): void => {
        if (!answered) hangUps += 1;
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      return () => {
        if (answered) return;
        answered = true;
        inFlight -= 1;
        signal.removeEventListener('abort', onAbort);
      };
    },
    peakInFlight: () => peak,
    hangUps: () => hangUps,
    reset(): void {
      // Requests still in flight stay counted, so a late answer cannot push the count below zero.
      peak = inFlight;
      hangUps = 0;
    },
  };
}
