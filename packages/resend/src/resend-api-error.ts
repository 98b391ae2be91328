import type { JsonHttpResponse } from '@org/connector-core/provider';

/** A non-2xx answer of the Resend API: `{ statusCode, message, name }`, kept as the cause. */
export class ResendApiError extends Error {
  readonly status: number;
  /** Resend's error `name`, e.g. `rate_limit_exceeded`; `undefined` for a body that is not Resend's. */
  readonly errorName: string | undefined;
  /** Seconds from `retry-after`, when the answer had one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(response: JsonHttpResponse) {
    const body = (response.json ?? {}) as { name?: unknown; message?: unknown };
    const errorName = typeof body.name === 'string' ? body.name : undefined;
    const message =
      typeof body.message === 'string'
        ? body.message
        : `HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 200)}` : ''}`;
    super(message);
    this.name = 'ResendApiError';
    this.status = response.status;
    this.errorName = errorName;
    const retryAfter = Number(response.headers['retry-after']);
    this.retryAfterSeconds =
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  }
}
