/** Resend keeps idempotency keys for 24 hours. */
const ttlMs = 24 * 60 * 60 * 1000;

type Entry =
  | { state: 'pending'; fingerprint: string; at: number }
  | { state: 'done'; fingerprint: string; at: number; status: number; body: unknown };

export type IdempotencyOutcome =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'conflict' }
  | { kind: 'in_progress' };

/**
 * The `Idempotency-Key` semantics of `POST /emails` and `/emails/batch`: the same key and body
 * within 24 hours replays the first answer without sending; the same key with another body is
 * `invalid_idempotent_request`; while the first is in flight it is
 * `concurrent_idempotent_requests`. Only successes are kept, so a retry after a failure sends.
 */
export function createIdempotencyKeys(now: () => number) {
  const entries = new Map<string, Entry>();
  return {
    claim(key: string, fingerprint: string): IdempotencyOutcome {
      const entry = entries.get(key);
      if (entry && now() - entry.at < ttlMs) {
        if (entry.fingerprint !== fingerprint) return { kind: 'conflict' };
        if (entry.state === 'pending') return { kind: 'in_progress' };
        return { kind: 'replay', status: entry.status, body: entry.body };
      }
      entries.set(key, { state: 'pending', fingerprint, at: now() });
      return { kind: 'new' };
    },
    complete(key: string, status: number, body: unknown): void {
      const entry = entries.get(key);
      if (entry) entries.set(key, { ...entry, state: 'done', status, body });
    },
    release(key: string): void {
      if (entries.get(key)?.state === 'pending') entries.delete(key);
    },
    clear: () => entries.clear(),
  };
}
