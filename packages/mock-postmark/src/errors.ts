/**
 * Postmark's API error codes (https://postmarkapp.com/developer/api/overview#error-codes), with
 * the HTTP status and a message like Postmark's. The body is always `{ ErrorCode, Message }`;
 * request errors come as HTTP 422, a bad token as 401.
 */
export const postmarkErrorCodes = {
  10: { status: 401, message: 'Bad or missing API token.' },
  100: { status: 503, message: 'Maintenance: the Postmark API is offline for maintenance.' },
  300: { status: 422, message: 'Invalid email request.' },
  400: { status: 422, message: 'Sender Signature not found.' },
  401: { status: 422, message: 'Sender signature not confirmed.' },
  402: { status: 422, message: 'Received invalid JSON input.' },
  403: { status: 422, message: 'Incompatible JSON input.' },
  405: { status: 422, message: 'Not allowed to send: you have run out of credits.' },
  406: {
    status: 422,
    message: 'You tried to send to a recipient that has been marked as inactive.',
  },
  409: {
    status: 422,
    message:
      'JSON required: set the Accept and Content-Type headers of the request to application/json.',
  },
  410: { status: 422, message: 'Too many batch messages: a batch holds up to 500 messages.' },
  411: { status: 422, message: 'Forbidden attachment type.' },
  412: {
    status: 422,
    message:
      'Account is pending: while pending, you may only send to recipients at the same domain as your From address.',
  },
  413: { status: 422, message: 'Account may not send.' },
  // Message-stream codes are not in the published table; these are the ones Postmark uses.
  1226: { status: 404, message: "The message stream for the provided 'ID' was not found." },
  1235: { status: 422, message: "The 'MessageStream' provided does not exist on this server." },
} as const satisfies Record<number, { status: number; message: string }>;

export type PostmarkErrorCode = keyof typeof postmarkErrorCodes;

/** A Postmark error answer; `status` and `message` default to the table's. */
export function postmarkError(
  errorCode: number,
  options: { status?: number; message?: string } = {},
): Response {
  const known = (postmarkErrorCodes as Record<number, { status: number; message: string }>)[
    errorCode
  ];
  return Response.json(
    { ErrorCode: errorCode, Message: options.message ?? known?.message ?? 'Error.' },
    { status: options.status ?? known?.status ?? 422 },
  );
}

/** HTTP 429: Postmark throttles a server that sends too fast. */
export function rateLimited(): Response {
  return Response.json(
    { ErrorCode: 429, Message: 'Rate limit exceeded: too many requests, slow down.' },
    { status: 429, headers: { 'retry-after': '1' } },
  );
}
