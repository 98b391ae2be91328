import type { EngineHttpResponse } from '../engine/engine-request.js';

/** Every mock API answer is JSON (or empty), never cached: the outbox changes under the reader. */
const baseHeaders = { 'cache-control': 'no-store' } as const;

/** A mock API JSON answer as plain data (the node server writes it without a `Response`). */
export function jsonAnswer(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): EngineHttpResponse {
  return {
    status,
    headers: { ...baseHeaders, 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const answer = jsonAnswer(body, status, headers);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export function noContent() {
  return new Response(null, { status: 204, headers: baseHeaders });
}

/** Mock API errors use `{ message }` so curl users read the cause without a schema. */
export function apiErrorAnswer(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): EngineHttpResponse {
  return jsonAnswer({ message }, status, headers);
}

export function apiError(status: number, message: string, headers: Record<string, string> = {}) {
  return jsonResponse({ message }, status, headers);
}

export function methodNotAllowed(method: string, path: string, allowed: string[]) {
  return apiError(405, `${method} is not supported on ${path}; use ${allowed.join(' or ')}.`, {
    allow: allowed.join(', '),
  });
}
