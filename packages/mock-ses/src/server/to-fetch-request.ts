import type { IncomingMessage } from 'node:http';

/** Above SES v2's own 40 MB message limit, so the engine still answers oversize sends itself. */
export const maxRequestBytes = 64 * 1024 * 1024;

export class RequestTooLargeError extends Error {
  constructor() {
    super(`The request body is larger than ${maxRequestBytes} bytes.`);
    this.name = 'RequestTooLargeError';
  }
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxRequestBytes) throw new RequestTooLargeError();
    chunks.push(buffer);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/**
 * The engine speaks fetch, so the node request becomes a `Request` with every header as
 * sent (SigV4 verification needs `host` and the signed headers byte for byte) and the body
 * read in full: the signature covers its hash.
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
  const body = hasBody ? await readBody(req) : undefined;
  return new Request(url, {
    method,
    headers,
    signal: options.signal,
    ...(body === undefined ? {} : { body }),
  });
}
