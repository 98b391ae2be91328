import type { JsonHttpResponse, OutgoingEmail } from '@org/connector-core/provider';

/** TODO: the path of __TITLE__'s send call, below `baseUrl`. */
export const __CAMEL__SendPath = '/emails';

/**
 * The send request's JSON body for one rendered email, in __TITLE__'s field names.
 *
 * TODO: build it from `email`: `from` and `to` (`formatMailbox` from @org/connector-core keeps
 * display names), `replyTo`, `subject`, `html` (absent for a plain-text template), `text`,
 * `headers` and `tags` (the pipeline adds `usage_type`). test/wire.test.ts pins the result.
 */
export function __CAMEL__EmailBody(email: OutgoingEmail): Record<string, unknown> {
  throw new Error(
    `Not implemented: fill in src/__NAME__-request.ts (__CAMEL__EmailBody) to send from ${email.from.address}.`,
  );
}

/**
 * The message id of a successful send answer, or `undefined` when `response` is not one (the
 * transport then throws a `__PASCAL__ApiError`). TODO: __TITLE__'s success status and id field.
 */
export function __CAMEL__MessageIdOf(response: JsonHttpResponse): string | undefined {
  const id = (response.json as { id?: unknown } | undefined)?.id;
  return response.status >= 200 && response.status < 300 && typeof id === 'string' ? id : undefined;
}
