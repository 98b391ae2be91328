import type { EngineRequest } from '../engine/engine-request.js';

/**
 * A fetch `Request` (from `handle()` or msw) as the engine's plain request. The body is read
 * by the engine (a promise here), so a body that fails to arrive is answered like any other
 * engine failure instead of making `handle()` throw.
 */
export function fromFetchRequest(request: Request): EngineRequest {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    url = new URL('http://invalid/');
  }
  // No prototype: a header named `constructor` or `__proto__` must stay a plain header.
  const headers: Record<string, string> = Object.create(null);
  request.headers.forEach((value, name) => {
    const previous = headers[name];
    // forEach lists each set-cookie apart; Headers#get (what the engine read before) joins them.
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  });
  return {
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    authority: url.host,
    body: request.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
    signal: request.signal,
  };
}
