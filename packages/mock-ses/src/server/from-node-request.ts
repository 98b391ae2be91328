import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineRequest } from '../engine/engine-request.js';
import { readBody } from './read-body.js';
import type { RequestTarget } from './request-target.js';

const noBody = new Uint8Array(0);

/** Header names lower-cased, repeats joined with `, `: what fetch's `Headers#get` returned. */
function headersOf(req: IncomingMessage): Record<string, string> {
  // No prototype: a header named `constructor` or `__proto__` must stay a plain header.
  const headers: Record<string, string> = Object.create(null);
  // rawHeaders: node builds `req.headers` lazily, and would drop repeats of some headers.
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

/**
 * A class, not an object literal with a `get signal()`: V8 builds accessor literals in slow
 * mode; one per request made it promote short-lived request data to the old generation, which
 * measured some 30–40 µs more CPU per request, mostly garbage collection.
 */
class NodeEngineRequest implements EngineRequest {
  #signal: AbortSignal | undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: string,
    readonly headers: Readonly<Record<string, string | undefined>>,
    readonly authority: string,
    readonly body: Uint8Array,
    private readonly res: ServerResponse,
  ) {}

  /** Created on first read (only injected latency reads it): most requests never need one. */
  get signal(): AbortSignal {
    this.#signal ??= disconnectSignal(this.res);
    return this.#signal;
  }
}

/** Aborts when the client goes away before the answer is written. */
function disconnectSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  if (res.destroyed) controller.abort();
  else {
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
  }
  return controller.signal;
}

/**
 * A node request as the engine's plain request, with no fetch `Request` in between, and no
 * AbortController or listener unless the engine asks for the signal.
 */
export async function fromNodeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
  fallbackHost: string,
): Promise<EngineRequest> {
  const method = req.method ?? 'GET';
  const headers = headersOf(req);
  const body = method === 'GET' || method === 'HEAD' ? noBody : await readBody(req);
  return new NodeEngineRequest(
    method,
    target.path,
    target.query,
    headers,
    headers.host ?? fallbackHost,
    body,
    res,
  );
}
