import type { StandardRetryStrategy } from '@smithy/core/retry';

type Refresh = StandardRetryStrategy['refreshRetryTokenForRetry'];
type RefreshArgs = Parameters<Refresh>;

const dailyQuotaPattern = /daily message quota exceeded/i;

function isDailyQuotaError(error: unknown): boolean {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && dailyQuotaPattern.test(message);
}

export interface SesRetryStrategyOptions {
  /** True once the connector is closed: a failed attempt is then not retried. */
  isClosed?: () => boolean;
}

/** The SDK's standard retries, except for a spent daily quota and after close. */
export type SesRetryStrategy = StandardRetryStrategy;

type SesRetryStrategyClass = new (
  maxAttempts: number,
  options?: SesRetryStrategyOptions,
) => SesRetryStrategy;

let defined: SesRetryStrategyClass | undefined;

/**
 * The SDK's standard retries (throttling, 5xx, timeouts, resets), except for a spent daily quota:
 * SES may report it as a throttling exception, but retrying within seconds cannot succeed. After
 * the connector closed nothing is retried either (closing destroys the sockets in flight).
 *
 * Defined on the first client: `@smithy/core/retry` is CommonJS, which an ES module import
 * would scan and classify again (~5 ms) although the SDK's own `require` already loaded it;
 * a `require` here reads the SDK's copy from the cache.
 */
export function sesRetryStrategyClass(): SesRetryStrategyClass {
  if (defined !== undefined) return defined;
  // The ESM build has import.meta.resolve and its URL; the CJS build has neither resolve nor a
  // global-free import.meta, but its own __filename (which in ESM may be a global: `node -e`).
  const meta = import.meta as { url?: string; resolve?: unknown };
  const base = typeof meta.resolve === 'function' && meta.url ? meta.url : __filename;
  // getBuiltinModule: an ES module import of node:module would cost every import ~0.4 ms.
  const { createRequire } = process.getBuiltinModule('node:module');
  const { StandardRetryStrategy: Standard } = createRequire(base)(
    '@smithy/core/retry',
  ) as typeof import('@smithy/core/retry');
  defined = class SesRetryStrategy extends Standard {
    readonly #isClosed: () => boolean;

    constructor(maxAttempts: number, { isClosed = () => false }: SesRetryStrategyOptions = {}) {
      super(maxAttempts);
      this.#isClosed = isClosed;
    }

    override refreshRetryTokenForRetry(...[token, errorInfo]: RefreshArgs): ReturnType<Refresh> {
      if (this.#isClosed()) {
        return Promise.reject(errorInfo.error ?? new Error('The SES connector was closed.'));
      }
      if (isDailyQuotaError(errorInfo.error)) {
        return Promise.reject(errorInfo.error ?? new Error('Daily message quota exceeded.'));
      }
      return super.refreshRetryTokenForRetry(token, errorInfo);
    }
  };
  return defined;
}

/** A retry strategy for one connector's client. */
export function createSesRetryStrategy(
  maxAttempts: number,
  options: SesRetryStrategyOptions = {},
): SesRetryStrategy {
  return new (sesRetryStrategyClass())(maxAttempts, options);
}
