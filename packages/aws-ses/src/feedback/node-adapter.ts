import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxSnsBodyBytes } from './sns-envelope.js';

type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Reads a node `IncomingMessage` (node:http, Express, Fastify's `raw`, Next.js API routes) into
 * a web `Request`. A body already parsed by middleware (`req.body` as a string or Buffer) is
 * used as is; a parsed object cannot be verified, since the signature covers the exact text.
 */
export async function requestFromIncomingMessage(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) headers.append(name, v);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const preParsed = (req as { body?: unknown }).body;
  let body: string;
  if (typeof preParsed === 'string') body = preParsed;
  else if (Buffer.isBuffer(preParsed)) body = preParsed.toString('utf8');
  else if (preParsed !== undefined && preParsed !== null && typeof preParsed === 'object') {
    throw new TypeError(
      'The request body was already parsed as JSON: mount the SNS handler before your JSON body parser (or use a text/raw parser), because the signature covers the exact text.',
    );
  } else {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      // Past the limit the rest is drained unread; the handler refuses the truncated body.
      if (size <= maxSnsBodyBytes + 1) chunks.push(buffer);
    }
    body = Buffer.concat(chunks).toString('utf8');
  }
  headers.delete('content-length');
  return new Request(url, { method, headers, body });
}

/** Writes a web `Response` to a node `ServerResponse`. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Wraps the handler as a node `(req, res)` listener:
 * `http.createServer(toNodeListener(handler))` or `app.post('/ses-feedback', toNodeListener(handler))`.
 */
export function toNodeListener(
  handler: FetchHandler,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    let response: Response;
    try {
      response = await handler(await requestFromIncomingMessage(req));
    } catch (error) {
      response = new Response(
        JSON.stringify({
          error: 'invalid_body',
          message: error instanceof Error ? error.message : 'The request could not be read.',
        }),
        { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' } },
      );
    }
    await writeResponse(res, response);
  };
}
