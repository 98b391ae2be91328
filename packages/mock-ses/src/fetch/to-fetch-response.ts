import type { EngineResponse } from '../engine/engine-request.js';

/** The engine's answer as a fetch `Response`; `Response.error()` stands for a dropped connection. */
export function toFetchResponse(response: EngineResponse): Response {
  if (response === 'network_error') return Response.error();
  return new Response(response.body, { status: response.status, headers: response.headers });
}
