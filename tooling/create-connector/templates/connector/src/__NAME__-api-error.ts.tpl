import type { JsonHttpResponse } from '@org/connector-core/provider';

/**
 * A non-2xx answer of the __TITLE__ API, kept as the `cause` of the mapped `ConnectorError`.
 *
 * TODO: read __TITLE__'s error body. This reads `{ name, message }` (or `code` for `name`),
 * and a proxy's page, which is not JSON, as `HTTP <status>: <text>`.
 */
export class __PASCAL__ApiError extends Error {
  readonly status: number;
  /** __TITLE__'s error name or code; `undefined` for a body that is not __TITLE__'s. */
  readonly errorName: string | undefined;
  /** Seconds from `retry-after`, when the answer had one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(response: JsonHttpResponse) {
    const body = (response.json ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
    const name = body.name ?? body.code;
    const message =
      typeof body.message === 'string'
        ? body.message
        : `HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 200)}` : ''}`;
    super(message);
    this.name = '__PASCAL__ApiError';
    this.status = response.status;
    this.errorName = typeof name === 'string' || typeof name === 'number' ? String(name) : undefined;
    const retryAfter = Number(response.headers['retry-after']);
    this.retryAfterSeconds =
      response.headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0
        ? retryAfter
        : undefined;
  }
}
