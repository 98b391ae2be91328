import { ConnectorError } from './connector-error.js';
import type { IdempotencyOptions, SendResult } from './contract.js';
import { checkClaim } from './idempotency-claim.js';
import { canonicalJson } from './idempotency-fingerprint.js';
import { resolveIdempotencyOptions } from './idempotency-options.js';
import type { IdempotencyRecord } from './idempotency-store.js';
import { maxIdempotencyKeyLength } from './input-limits.js';
import { raceAbort } from './provider/abort-race.js';

// Waiting on another process's send: start fast (most sends take well under a second), then
// back off so a crowd of waiters does not hammer a shared store.
const firstPollMs = 20;
const maxPollMs = 1_000;

/** What the message is, for telling a retry from a key reused for another message. */
export interface IdempotentMessage {
  to: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface IdempotentRun {
  key: unknown;
  message: IdempotentMessage;
  /** The caller's signal: waiting for another send with the key honours it. */
  signal: AbortSignal | undefined;
  /** Fires when the connector closes. */
  closed: AbortSignal;
  /** Makes the `aborted` error for the caller's signal (or for close). */
  abortedError(): ConnectorError;
  /** The real send; called at most once per run, only while this run holds the key. */
  send(): Promise<SendResult>;
}

export interface Idempotency {
  run(run: IdempotentRun): Promise<SendResult>;
}

export interface IdempotencyContext {
  provider: string;
  /** The connector's `metadata.id`, so two connector kinds sharing a store never collide. */
  connectorId: string;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

/**
 * Coordinates sends that carry an idempotency key: one send per key reaches the provider,
 * within this process (callers share the in-flight promise) and across processes (through
 * the store's atomic claim; other callers poll until the owner records its result).
 *
 * @throws ConnectorError `invalid_config` when the options are malformed.
 */
export function createIdempotency(
  options: IdempotencyOptions | undefined,
  { provider, connectorId }: IdempotencyContext,
): Idempotency {
  const { store, ttlMs, claimTtlMs, digest } = resolveIdempotencyOptions(options, provider);
  const inflight = new Map<string, { fingerprint: string; result: Promise<SendResult> }>();

  const reused = (): ConnectorError =>
    new ConnectorError(
      'invalid_request_parameters',
      'The idempotency key was reused for a different message: the recipient, usage type or payload differ from the send that first used it.',
      {
        provider,
        hint: 'Use one idempotency key per distinct message (e.g. per verification code issued), and the same key only to retry that exact message.',
      },
    );

  const storeCall = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      // A store's own typed error (e.g. RedisStoreError) already says what failed.
      if (ConnectorError.isInstance(error)) throw error;
      throw new ConnectorError(
        'general',
        `The idempotency store failed to ${what}: ${describeError(error)}`,
        {
          provider,
          retryable: true,
          cause: error,
          hint: 'Check that the idempotency store (e.g. Redis) is reachable, then retry the send with the same key.',
        },
      );
    }
  };

  const completed = (record: IdempotencyRecord, fingerprint: string): SendResult | undefined => {
    if (record.fingerprint !== fingerprint) throw reused();
    return record.result === undefined ? undefined : { ...record.result };
  };

  // Holds the key, sends, and records the outcome: a success is replayed for ttlMs, a failure
  // releases the key so the send can be retried with it.
  const sendHolding = async (storeKey: string, fingerprint: string, run: IdempotentRun) => {
    let result: SendResult;
    try {
      result = await run.send();
    } catch (error) {
      await store.delete(storeKey).catch(() => {
        // The claim's lease runs out by itself.
      });
      throw error;
    }
    try {
      await store.set(storeKey, { fingerprint, result: { ...result } }, ttlMs);
    } catch {
      // The email went out: reporting a failure now would invite the retry that sends it twice.
    }
    return result;
  };

  // Another caller holds the key: poll until it records a result (replay it) or the key is
  // released or its lease expires (undefined: claim it ourselves).
  const awaitHolder = async (
    storeKey: string,
    fingerprint: string,
    run: IdempotentRun,
  ): Promise<SendResult | undefined> => {
    const deadline = Date.now() + 2 * claimTtlMs;
    let pollMs = firstPollMs;
    for (;;) {
      const slept = await pollDelay(pollMs * (0.5 + Math.random() / 2), stopSignal(run));
      if (!slept) throw run.abortedError();
      const record = await storeCall('read a key', () => store.get(storeKey));
      if (record === undefined) return undefined;
      const result = completed(record, fingerprint);
      if (result !== undefined) return result;
      if (Date.now() > deadline) {
        throw new ConnectorError(
          'timeout',
          `Another send with this idempotency key has held it for over ${Math.round((2 * claimTtlMs) / 1000)} s without finishing.`,
          {
            provider,
            hint: 'Retry with the same key later. If it persists, the idempotency store does not expire claims: check its claim() honours ttlMs.',
          },
        );
      }
      pollMs = Math.min(pollMs * 2, maxPollMs);
    }
  };

  const lead = async (
    storeKey: string,
    fingerprint: string,
    run: IdempotentRun,
  ): Promise<SendResult> => {
    for (;;) {
      const claim = checkClaim(
        await storeCall('claim a key', () => store.claim(storeKey, { fingerprint }, claimTtlMs)),
        provider,
      );
      if (claim.status === 'claimed') return sendHolding(storeKey, fingerprint, run);
      const replay = completed(claim.record, fingerprint);
      if (replay !== undefined) return replay;
      const awaited = await awaitHolder(storeKey, fingerprint, run);
      if (awaited !== undefined) return awaited;
    }
  };

  const run = async (run: IdempotentRun): Promise<SendResult> => {
    if (typeof run.key !== 'string' || run.key === '' || run.key.length > maxIdempotencyKeyLength) {
      throw new ConnectorError(
        'invalid_request_parameters',
        `Invalid sendMessage options: idempotencyKey must be a non-empty string of at most ${maxIdempotencyKeyLength} characters.`,
        { provider, hint: 'Pass a key that identifies this message, e.g. a UUID per code issued.' },
      );
    }
    // The store sees digests only: a key or payload may hold an address or the code itself.
    const storeKey = `idem:${provider}/${connectorId}:${digest(run.key)}`;
    const fingerprint = digest(canonicalJson(run.message));
    for (;;) {
      const shared = inflight.get(storeKey);
      if (shared === undefined) break;
      if (shared.fingerprint !== fingerprint) throw reused();
      try {
        return await abortable(shared.result, run);
      } catch (error) {
        // The holder's own caller aborted; this caller still wants its email, so take over.
        const holderAborted =
          ConnectorError.isInstance(error) &&
          error.code === 'aborted' &&
          !run.signal?.aborted &&
          !run.closed.aborted;
        if (!holderAborted) throw error;
      }
    }
    const result = lead(storeKey, fingerprint, run);
    const entry = { fingerprint, result };
    inflight.set(storeKey, entry);
    const forget = () => {
      if (inflight.get(storeKey) === entry) inflight.delete(storeKey);
    };
    result.then(forget, forget);
    return result;
  };

  return { run };
}

// The global timer, not node:timers/promises (the kit's sleep): the store's clock and this wait
// must move together under a test's fake timers.
function pollDelay(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function stopSignal(run: IdempotentRun): AbortSignal {
  return run.signal ? AbortSignal.any([run.signal, run.closed]) : run.closed;
}

// A caller sharing another's in-flight send may abort its own wait without affecting it.
function abortable(promise: Promise<SendResult>, run: IdempotentRun): Promise<SendResult> {
  return raceAbort(promise, stopSignal(run), run.abortedError).then((value) => ({ ...value }));
}
