/**
 * SNS MessageIds already processed, so a redelivery (SNS retries until it gets a 2xx) or a
 * replayed capture within the freshness window is acknowledged without being applied twice.
 * Bounded: the oldest ids go first; an id older than the window is refused as stale anyway.
 */
export interface SeenMessageIds {
  has(id: string): boolean;
  add(id: string): void;
}

export function createSeenMessageIds(
  maxEntries: number,
  ttlMs: number,
  now: () => number,
): SeenMessageIds {
  const seen = new Map<string, number>();
  return {
    has(id) {
      const expires = seen.get(id);
      if (expires === undefined) return false;
      if (expires > now()) return true;
      seen.delete(id);
      return false;
    },
    add(id) {
      seen.delete(id);
      while (seen.size >= maxEntries) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      seen.set(id, now() + ttlMs);
    },
  };
}
