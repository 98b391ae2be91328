import { StandardRetryStrategy } from '@smithy/core/retry';

type Refresh = StandardRetryStrategy['refreshRetryTokenForRetry'];
type RefreshArgs = Parameters<Refresh>;

const dailyQuotaPattern = /daily message quota exceeded/i;

function isDailyQuotaError(error: unknown): boolean {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && dailyQuotaPattern.test(message);
}

/**
 * The SDK's standard retries (throttling, 5xx, timeouts, resets), except for a spent daily quota:
 * SES may report it as a throttling exception, but retrying within seconds cannot succeed.
 */
export class SesRetryStrategy extends StandardRetryStrategy {
  override refreshRetryTokenForRetry(...[token, errorInfo]: RefreshArgs): ReturnType<Refresh> {
    if (isDailyQuotaError(errorInfo.error)) {
      return Promise.reject(errorInfo.error ?? new Error('Daily message quota exceeded.'));
    }
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}
