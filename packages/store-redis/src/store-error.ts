import { ConnectorError } from '@org/connector-core';

/** Which Redis store an operation belonged to. */
export type RedisStoreName = 'idempotency' | 'rate-limiter' | 'recipient-throttle' | 'suppression';

/**
 * What a failure means, for operations off the send path (e.g. writing a suppression from the
 * feedback handler), where "Nothing was sent" and "retry the send" would mislead.
 */
export interface RedisStoreErrorContext {
  /** The sentence after the cause. Default `Nothing was sent.` */
  consequence?: string;
  /** Default: check Redis, retry the send, or create the store with `onStoreError: 'fail-open'`. */
  hint?: string;
}

/**
 * A Redis store could not answer (connection refused or lost, a command timed out, a script
 * error). Code `provider_unavailable`, retryable, `providerCode: 'RedisStoreUnavailable'`.
 * Thrown under `onStoreError: 'fail-closed'`; under `'fail-open'` it goes to `onEvent` only.
 */
export class RedisStoreError extends ConnectorError {
  readonly store: RedisStoreName;
  readonly operation: string;

  constructor(
    store: RedisStoreName,
    operation: string,
    cause: unknown,
    context: RedisStoreErrorContext = {},
  ) {
    super(
      'provider_unavailable',
      `The Redis ${store} store failed to ${operation}: ${describe(cause)}. ${context.consequence ?? 'Nothing was sent.'}`,
      {
        retryable: true,
        providerCode: 'RedisStoreUnavailable',
        cause,
        hint:
          context.hint ??
          `Check that Redis is reachable (URL, network, auth) and not out of memory, then retry the send. To send anyway while Redis is down, create the ${store} store with onStoreError: 'fail-open' (see the README's failure semantics).`,
      },
    );
    this.name = 'RedisStoreError';
    this.store = store;
    this.operation = operation;
  }

  /** True for a RedisStoreError from any copy of this package. */
  static isRedisStoreError(value: unknown): value is RedisStoreError {
    return ConnectorError.isInstance(value) && value.providerCode === 'RedisStoreUnavailable';
  }
}

/** A Redis command did not answer within `commandTimeoutMs`. */
export class RedisCommandTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no reply within ${timeoutMs} ms (commandTimeoutMs)`);
    this.name = 'RedisCommandTimeoutError';
  }
}

function describe(error: unknown): string {
  // Redis error replies and socket errors carry no secret; an auth failure says only NOAUTH/WRONGPASS.
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}
