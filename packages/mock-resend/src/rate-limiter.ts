/** Resend's IETF-style `ratelimit-*` headers over a fixed one-second window per API key. */
export interface RateLimiter {
  /** Counts a request; `allowed` is false once the window's budget is spent. */
  hit(key: string): { allowed: boolean; headers: Record<string, string> };
  reset(): void;
}

export function createRateLimiter(limit: number | undefined, now: () => number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      if (limit === undefined) return { allowed: true, headers: {} };
      const time = now();
      const start = Math.floor(time / 1000) * 1000;
      let window = windows.get(key);
      if (!window || window.start !== start) {
        window = { start, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const allowed = window.count <= limit;
      const reset = String(Math.max(1, Math.ceil((start + 1000 - time) / 1000)));
      return {
        allowed,
        headers: {
          'ratelimit-limit': String(limit),
          'ratelimit-remaining': String(Math.max(0, limit - window.count)),
          'ratelimit-reset': reset,
          ...(allowed ? {} : { 'retry-after': reset }),
        },
      };
    },
    reset: () => windows.clear(),
  };
}
