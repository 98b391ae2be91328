import { ConnectorError } from './connector-error.js';
import type { IdempotencyClaim, IdempotencyRecord } from './idempotency-store.js';
import { inspect } from './node-builtins.js';

function isRecord(value: unknown): value is IdempotencyRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { fingerprint?: unknown }).fingerprint === 'string'
  );
}

/**
 * A store's `claim()` answer, checked: anything but the three documented shapes is the store's
 * bug, named as such, before anything is sent (not a TypeError reported as a provider failure).
 */
export function checkClaim(claim: unknown, provider: string): IdempotencyClaim {
  const status = (claim as { status?: unknown } | null | undefined)?.status;
  const record = (claim as { record?: unknown } | null | undefined)?.record;
  if (status === 'claimed') return claim as IdempotencyClaim;
  if (status === 'pending' && isRecord(record)) return claim as IdempotencyClaim;
  if (status === 'done' && isRecord(record) && typeof record.result === 'object') {
    return claim as IdempotencyClaim;
  }
  const shown = inspect(claim, { depth: 1, breakLength: Number.POSITIVE_INFINITY }).slice(0, 120);
  throw new ConnectorError(
    'invalid_config',
    `The idempotency store's claim() returned ${shown}, not { status: 'claimed' }, { status: 'pending', record } or { status: 'done', record: { fingerprint, result } }.`,
    {
      provider,
      hint: 'Fix the IdempotencyStore passed as idempotency.store: claim() must answer one of the IdempotencyClaim shapes.',
    },
  );
}
