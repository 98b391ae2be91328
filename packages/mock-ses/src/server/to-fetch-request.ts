import type { IncomingMessage } from 'node:http';
import { readBody } from './read-body.js';

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
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? options.fallbackHost}`);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Node's buffers sit on plain ArrayBuffers, never shared ones.
  const body = hasBody ? ((await readBody(req)) as Buffer<ArrayBuffer>) : undefined;
  return new Request(url, {
    method,
    headers,
    signal: options.signal,
    ...(body === undefined ? {} : { body }),
  });
}
