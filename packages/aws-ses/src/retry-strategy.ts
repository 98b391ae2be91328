import { StandardRetryStrategy } from '@smithy/core/retry';

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

/**
 * The SDK's standard retries (throttling, 5xx, timeouts, resets), except for a spent daily quota:
 * SES may report it as a throttling exception, but retrying within seconds cannot succeed. After
 * the connector closed nothing is retried either (closing destroys the sockets in flight).
 */
export class SesRetryStrategy extends StandardRetryStrategy {
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
}
