import type { IncomingMessage } from 'node:http';
import { ClientRequestError } from './client-request-error.js';
import { maxControlRequestBytes, readBody } from './read-body.js';

const HOST = /^(?:[A-Za-z0-9\-._~]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The mock API router speaks fetch (its live event stream needs a `Request` signal), so a
 * request for it becomes a `Request` with every header as sent and the body read in full.
 * SES requests skip this: see from-node-request.ts.
 */
export async function toFetchRequest(
  req: IncomingMessage,
  options: { signal: AbortSignal; fallbackHost: string },
): Promise<Request> {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const host = req.headers.host ?? options.fallbackHost;
  // Only host[:port]: `Host: a/b` or `Host: a@b` would otherwise parse as another URL.
  const url = HOST.test(host) ? URL.parse(req.url ?? '/', `http://${host}`) : null;
  if (!url) {
    throw new ClientRequestError(
      400,
      `The Host header ${JSON.stringify(host.slice(0, 100))} is not a valid host[:port].`,
    );
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Node's buffers sit on plain ArrayBuffers, never shared ones.
  const body = hasBody
    ? ((await readBody(req, maxControlRequestBytes)) as Buffer<ArrayBuffer>)
    : undefined;
  try {
    return new Request(url, {
      method,
      headers,
      signal: options.signal,
      ...(body === undefined ? {} : { body }),
    });
  } catch {
    // fetch forbids some methods node parses (CONNECT, TRACE, TRACK).
    throw new ClientRequestError(405, `${method} is not supported here.`);
  }
}
