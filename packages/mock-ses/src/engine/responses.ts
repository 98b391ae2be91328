import type { SesError } from './ses-error.js';

function baseHeaders(requestId: string): Headers {
  return new Headers({
    'content-type': 'application/json',
    'x-amzn-RequestId': requestId,
    date: new Date().toUTCString(),
  });
}

export function jsonResponse(status: number, body: unknown, requestId: string): Response {
  return new Response(JSON.stringify(body ?? {}), { status, headers: baseHeaders(requestId) });
}

/**
 * SES's error encoding: the SDK picks the exception class from `x-amzn-ErrorType` (then body
 * `__type`), the message from body `message`; the status only decides retries.
 */
export function errorResponse(error: SesError, requestId: string): Response {
  const headers = baseHeaders(requestId);
  if (error.type === undefined) {
    // A front end's typeless JSON error: the SDK raises its base exception (name `Unknown`)
    // with the status in `$metadata`, as it does for a 503 in front of SES.
    return new Response(JSON.stringify({ message: error.message }), {
      status: error.status,
      headers,
    });
  }
  headers.set('x-amzn-ErrorType', error.type);
  return new Response(JSON.stringify({ __type: error.type, message: error.message }), {
    status: error.status,
    headers,
  });
}
