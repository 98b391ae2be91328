import { createHash } from 'node:crypto';
import { GetAccountCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import {
  ConnectorError,
  createMemoryRateLimiter,
  QueueWaitExceededError,
  type RateLimiter,
  type ReleaseToken,
} from '@org/connector-core/provider';
import type { AwsSesConfig } from './config-schema.js';

/** How often `pacing: 'auto'` re-reads the account's MaxSendRate. */
export const autoPacingRefreshMs = 5 * 60_000;

/** Spaces a connector's sends so the account's SES sending rate is never exceeded. */
export interface SesPacer {
  /**
   * Waits for this send's turn (`recipients` tokens: SES counts recipients, not calls); call
   * the returned function once the SES call has finished. Rejects with `rate_limit_exceeded`
   * when the wait would exceed `maxQueueWaitMs`, and with `aborted` when `signal` fires while
   * waiting.
   */
  acquire(signal: AbortSignal, recipients?: number): Promise<ReleaseToken>;
  /** The rate sends are paced to now; undefined while sends are not paced. */
  readonly ratePerSecond: number | undefined;
  close(): void;
}

export interface SesPacerOptions {
  provider: string;
  /**
   * Where sends are counted. Default: a memory limiter of this pacer's own (one process). A
   * shared limiter makes every connector with the same `limitKey` keep the rate together.
   */
  rateLimiter?: RateLimiter;
  /** The limit's name in the limiter: one per SES account and region. */
  limitKey?: string;
  /** Monotonic ms clock for the bucket and the refresh (tests inject a fake one). */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  refreshMs?: number;
}

const noRelease: ReleaseToken = () => {};

/**
 * The limit's name for a shared limiter: SES quotas are per account and region. The account
 * is told apart by a digest of the access key id (or of the endpoint, for a mock), never the id.
 */
export function sesLimitKey(config: AwsSesConfig): string {
  const account = [config.accessKeyId ?? '', config.endpoint ?? ''].join('|');
  if (account === '|') return `aws-ses:${config.region}`;
  return `aws-ses:${config.region}:${createHash('sha256').update(account).digest('hex').slice(0, 16)}`;
}

function abortedError(provider: string, signal: AbortSignal): ConnectorError {
  return new ConnectorError(
    'aborted',
    "The send was aborted while it waited for its turn under pacing: the caller's AbortSignal fired.",
    { provider, cause: signal.reason },
  );
}

/** Rejects as soon as `signal` fires, without waiting for `promise`. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, provider: string): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError(provider, signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedError(provider, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function queueWaitError(
  error: QueueWaitExceededError,
  config: AwsSesConfig,
  provider: string,
): ConnectorError {
  const rate = `${error.ratePerSecond} emails per second`;
  const message = error.queued
    ? `Not sent: this send waited maxQueueWaitMs (${error.maxWaitMs}) for its turn under pacing (${rate}) without getting one.`
    : `Not sent: under pacing (${rate}) this send would wait about ${Math.ceil(error.waitMs / 1000)} s for its turn, longer than maxQueueWaitMs (${error.maxWaitMs}).`;
  const rateFix =
    config.pacing === 'auto'
      ? 'pacing "auto" picks the new rate up within 5 minutes'
      : 'then raise pacing.maxSendRate to match';
  return new ConnectorError('rate_limit_exceeded', message, {
    provider,
    hint: `More emails are queued than the SES sending rate in region ${config.region} lets through within maxQueueWaitMs. Request a higher sending rate (SES console → Account dashboard → Request a quota increase; ${rateFix}), raise maxQueueWaitMs to let sends wait longer, or spread the sends out.`,
    cause: error,
  });
}

/**
 * The pacer of one connector (one SES client). `off`: every send goes at once. A fixed rate:
 * a token bucket at that rate. `auto`: the first send reads `MaxSendRate` with GetAccount, and
 * a send after `refreshMs` re-reads it in the background; while the rate is unknown (GetAccount
 * denied or failing) sends are not paced, and a later failure keeps the last rate read.
 */
export function createSesPacer(
  client: SESv2Client,
  config: AwsSesConfig,
  options: SesPacerOptions,
): SesPacer {
  const { provider } = options;
  const now = options.now ?? (() => performance.now());
  const refreshMs = options.refreshMs ?? autoPacingRefreshMs;
  const closeController = new AbortController();
  const limiter =
    options.rateLimiter ??
    createMemoryRateLimiter({
      now,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  const key = options.limitKey ?? `aws-ses:${config.region}`;
  let rate: number | undefined;

  const setRate = (ratePerSecond: number): void => {
    rate = ratePerSecond;
  };

  const acquireFromBucket = async (signal: AbortSignal, recipients = 1): Promise<ReleaseToken> => {
    if (rate === undefined) return noRelease;
    try {
      return await limiter.acquire({
        key,
        tokens: recipients,
        ratePerSecond: rate,
        maxWaitMs: config.maxQueueWaitMs,
        signal,
      });
    } catch (error) {
      if (QueueWaitExceededError.isInstance(error)) throw queueWaitError(error, config, provider);
      if (signal.aborted) throw abortedError(provider, signal);
      throw error;
    }
  };

  const pacing = config.pacing;
  if (pacing !== 'auto') {
    if (pacing !== 'off') setRate(pacing.maxSendRate);
    return {
      acquire: (signal, recipients) =>
        signal.aborted
          ? Promise.reject(abortedError(provider, signal))
          : acquireFromBucket(signal, recipients),
      get ratePerSecond() {
        return rate;
      },
      close() {},
    };
  }

  let checkedAt: number | undefined;
  let lookup: Promise<void> | undefined;
  const readRate = (): Promise<void> => {
    lookup ??= (async () => {
      try {
        const account = await client.send(new GetAccountCommand({}), {
          abortSignal: closeController.signal,
        });
        const rate = account.SendQuota?.MaxSendRate;
        if (typeof rate === 'number' && Number.isFinite(rate) && rate > 0) setRate(rate);
      } catch {
        // Denied or unreachable: unpaced (or the last rate read) until the next refresh.
        // check() reports why; a send must not fail because its pacing could not be tuned.
      } finally {
        checkedAt = now();
        lookup = undefined;
      }
    })();
    return lookup;
  };

  return {
    async acquire(signal, recipients) {
      if (signal.aborted) throw abortedError(provider, signal);
      if (checkedAt === undefined) await untilAborted(readRate(), signal, provider);
      else if (now() - checkedAt >= refreshMs) void readRate();
      return acquireFromBucket(signal, recipients);
    },
    get ratePerSecond() {
      return rate;
    },
    close() {
      closeController.abort();
    },
  };
}
