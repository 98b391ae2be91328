import { ConnectorError } from '@org/connector-core';
import { z } from 'zod';
import { type RedisClientInput, type RedisScriptClient, toScriptClient } from './redis-client.js';
import { RedisCommandTimeoutError, RedisStoreError, type RedisStoreName } from './store-error.js';

/** What a store does when Redis fails: refuse the send, or let it go out unguarded. */
export type OnStoreError = 'fail-closed' | 'fail-open';

/** Reported to `onEvent` whenever a Redis store operation fails, whatever the policy. */
export interface RedisStoreEvent {
  type: 'store:error';
  store: RedisStoreName;
  operation: string;
  /**
   * `fail-closed`: the error was thrown (the send failed; for the suppression store's lookup the
   * connector's `suppression.onStoreError` then decides). `fail-open`: the send went on.
   */
  outcome: OnStoreError;
  error: RedisStoreError;
}

/** Options every Redis store takes. */
export interface RedisStoreOptions {
  /** A connected node-redis 5 client, or `fromIoredis(client)`. */
  redis: RedisClientInput;
  /** Put before every key, so apps or environments sharing a Redis stay apart. Default `email:`. */
  keyPrefix?: string;
  /** Default `fail-closed`: a Redis failure fails the send with `RedisStoreError`. */
  onStoreError?: OnStoreError;
  /**
   * The longest a store call may wait for Redis, in ms (default 1 000). Beyond it the call
   * counts as failed: a client that queues commands while disconnected must not hang sends.
   */
  commandTimeoutMs?: number;
  /** Told about every failed store operation. Never receives an address, a code or a key. */
  onEvent?: (event: RedisStoreEvent) => void;
  /**
   * How long a write that must not be lost (an idempotency result, a rate limiter release) is
   * retried in the background after Redis failed it, in ms (default 30 000; 0: never).
   */
  backgroundRetryMs?: number;
}

export const storeOptionsSchema = z.object({
  redis: z.custom<RedisClientInput>((value) => typeof value === 'object' && value !== null, {
    message: 'a node-redis 5 client, or fromIoredis(client)',
  }),
  keyPrefix: z.string().max(200).default('email:'),
  onStoreError: z.enum(['fail-closed', 'fail-open']).default('fail-closed'),
  commandTimeoutMs: z.number().int().positive().max(60_000).default(1_000),
  onEvent: z
    .custom<(event: RedisStoreEvent) => void>((value) => typeof value === 'function')
    .optional(),
  backgroundRetryMs: z.number().int().min(0).max(600_000).default(30_000),
});

/** A script, with its SHA1 computed once. */
export interface LuaScript {
  source: string;
  sha: string;
}

/** A store's validated options plus its script runner. */
export interface StoreRuntime {
  keyPrefix: string;
  onStoreError: OnStoreError;
  /**
   * Runs a script in one round trip (EVALSHA; EVAL after a `NOSCRIPT`, e.g. after a restart)
   * within `commandTimeoutMs`. Rejects with `RedisStoreError`.
   */
  run(operation: string, script: LuaScript, keys: string[], args: string[]): Promise<unknown>;
  /**
   * Tries `write` again every 250 ms (timers that never keep the process alive) until it
   * succeeds or `backgroundRetryMs` ran out; failures are not reported again.
   */
  retryInBackground(write: () => Promise<unknown>): void;
  /**
   * Reports a failure of `run` (an event) and, under fail-closed, throws it; under fail-open
   * returns. `policy` overrides the store's own for an operation that must never fail open.
   * Anything else than a `RedisStoreError` (a bug) is rethrown as is.
   */
  fail(error: unknown, policy?: OnStoreError): void;
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && /^NOSCRIPT/.test(error.message);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RedisCommandTimeoutError(ms)), ms);
    // A late reply must not become an unhandled rejection.
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const optionsHint =
  'Pass { redis: a connected client, keyPrefix?, onStoreError?: "fail-closed" | "fail-open", commandTimeoutMs?, onEvent? }.';

/** The `invalid_config` error for options that failed `error`'s schema, one line per field. */
export function invalidOptionsError(
  what: string,
  error: z.ZodError,
  hint: string = optionsHint,
): ConnectorError {
  const fields = error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  return new ConnectorError(
    'invalid_config',
    `${what}: invalid options:\n${fields.map((f) => `  - ${f}`).join('\n')}`,
    { hint },
  );
}

/** Validates the common options; `what` names the factory in the error. */
export function createStoreRuntime(
  store: RedisStoreName,
  what: string,
  options: RedisStoreOptions,
): StoreRuntime {
  const parsed = storeOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw invalidOptionsError(what, parsed.error);
  const { keyPrefix, onStoreError, commandTimeoutMs, onEvent, backgroundRetryMs } = parsed.data;
  let client: RedisScriptClient;
  try {
    client = toScriptClient(parsed.data.redis);
  } catch (error) {
    throw new ConnectorError('invalid_config', `${what}: ${(error as Error).message}`, {
      hint: 'Pass a node-redis 5 client as is, an ioredis client through fromIoredis(client).',
    });
  }

  const call = async (script: LuaScript, keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await client.evalSha(script.sha, keys, args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return client.eval(script.source, keys, args);
    }
  };

  return {
    keyPrefix,
    onStoreError,
    retryInBackground(write) {
      const until = Date.now() + backgroundRetryMs;
      const attempt = () => {
        if (Date.now() >= until) return;
        setTimeout(() => {
          write().catch(attempt);
        }, 250).unref();
      };
      attempt();
    },
    async run(operation, script, keys, args) {
      try {
        return await withTimeout(call(script, keys, args), commandTimeoutMs);
      } catch (error) {
        throw new RedisStoreError(store, operation, error);
      }
    },
    fail(error, policy = onStoreError) {
      if (!(error instanceof RedisStoreError)) throw error;
      if (onEvent) {
        try {
          onEvent({
            type: 'store:error',
            store: error.store,
            operation: error.operation,
            outcome: policy,
            error,
          });
        } catch {
          // Observability must never break a send.
        }
      }
      if (policy === 'fail-closed') throw error;
    },
  };
}
