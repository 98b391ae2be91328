import { ConnectorError } from './connector-error.js';
import type { IdempotencyOptions } from './contract.js';
import { createDigest } from './idempotency-fingerprint.js';
import { createMemoryIdempotencyStore } from './idempotency-memory-store.js';
import type { IdempotencyStore } from './idempotency-store.js';

export const defaultIdempotencyTtlMs = 10 * 60_000;
export const defaultIdempotencyClaimTtlMs = 60_000;

function positiveInteger(value: unknown, fallback: number, field: string, problems: string[]) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    problems.push(`idempotency.${field}: must be a positive whole number of milliseconds`);
    return fallback;
  }
  return value;
}

function isStore(value: unknown): value is IdempotencyStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Record<string, unknown>;
  return ['get', 'set', 'delete', 'claim'].every((method) => typeof store[method] === 'function');
}

export interface ResolvedIdempotencyOptions {
  store: IdempotencyStore;
  ttlMs: number;
  claimTtlMs: number;
  /** Keys and fingerprints as stored: HMAC with `secret` when given. */
  digest: ReturnType<typeof createDigest>;
}

/**
 * `ConnectorOptions.idempotency` checked, with its defaults.
 *
 * @throws ConnectorError `invalid_config` listing every malformed field.
 */
export function resolveIdempotencyOptions(
  options: IdempotencyOptions | undefined,
  provider: string,
): ResolvedIdempotencyOptions {
  const problems: string[] = [];
  const raw: IdempotencyOptions = options ?? {};
  if (typeof raw !== 'object' || raw === null) {
    problems.push('idempotency: must be an object');
  }
  const ttlMs = positiveInteger(raw.ttlMs, defaultIdempotencyTtlMs, 'ttlMs', problems);
  const claimTtlMs = positiveInteger(
    raw.claimTtlMs,
    defaultIdempotencyClaimTtlMs,
    'claimTtlMs',
    problems,
  );
  if (raw.store !== undefined && !isStore(raw.store)) {
    problems.push('idempotency.store: must have get, set, delete and claim methods');
  }
  if (raw.secret !== undefined && (typeof raw.secret !== 'string' || raw.secret === '')) {
    problems.push('idempotency.secret: must be a non-empty string');
  }
  if (problems.length > 0) {
    throw new ConnectorError(
      'invalid_config',
      `Invalid ${provider} connector options:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      {
        provider,
        hint: 'Pass idempotency: { store?, ttlMs?, claimTtlMs?, secret? }; see IdempotencyOptions.',
      },
    );
  }
  const store = raw.store ?? createMemoryIdempotencyStore();
  const digest = createDigest(raw.secret);
  return { store, ttlMs, claimTtlMs, digest };
}
