import type { JsonHttpResponse } from '@org/connector-core/provider';

/** A failed Postmark answer: HTTP status plus `{ ErrorCode, Message }` when Postmark sent one. */
export class PostmarkApiError extends Error {
  readonly status: number;
  /** Postmark's ErrorCode; `undefined` when the body is not Postmark's JSON. */
  readonly errorCode: number | undefined;

  constructor(response: JsonHttpResponse) {
    const body = (response.json ?? {}) as { ErrorCode?: unknown; Message?: unknown };
    const errorCode = typeof body.ErrorCode === 'number' ? body.ErrorCode : undefined;
    super(
      typeof body.Message === 'string'
        ? body.Message
        : `HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 200)}` : ''}`,
    );
    this.name = 'PostmarkApiError';
    this.status = response.status;
    this.errorCode = errorCode;
  }
}
