import type { EngineHttpResponse } from './engine-request.js';
import { httpDate } from './http-date.js';
import { SesError } from './ses-error.js';

/**
 * `date` is the mock's clock (its `now` option), as SES's is its own: the SDK corrects its
 * clock skew from this header, so a test that moves the mock's clock sees that correction.
 */
function baseHeaders(requestId: string, nowMs: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    date: httpDate(nowMs),
  };
}

export function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  nowMs: number = Date.now(),
): EngineHttpResponse {
  return { status, headers: baseHeaders(requestId, nowMs), body: JSON.stringify(body ?? {}) };
}

/**
 * SES's error encoding: the SDK picks the exception class from `x-amzn-ErrorType` (then body
 * `__type`), the message from body `message`; the status only decides retries.
 */
export function errorResponse(
  error: SesError,
  requestId: string,
  nowMs: number = Date.now(),
): EngineHttpResponse {
  const headers = baseHeaders(requestId, nowMs);
  if (error.type === undefined) {
    // A front end's typeless JSON error: the SDK raises its base exception (name `Unknown`)
    // with the status in `$metadata`, as it does for a 503 in front of SES.
    return { status: error.status, headers, body: JSON.stringify({ message: error.message }) };
  }
  headers['x-amzn-errortype'] = error.type;
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.type, message: error.message }),
  };
}

/** SES's generic 500, for a failure that is the mock's own (never a detail of it). */
export function internalErrorResponse(requestId = 'mock-ses-internal-error'): EngineHttpResponse {
  return errorResponse(
    new SesError(
      500,
      'InternalServiceErrorException',
      'The request could not be processed because of an internal error.',
    ),
    requestId,
  );
}
