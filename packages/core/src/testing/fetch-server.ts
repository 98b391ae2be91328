import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fetch-style handler: every outcome is a `Response` (`Response.error()` resets the socket). */
export type FetchHandler = (request: Request) => Promise<Response>;

export interface FetchServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

export interface FetchServer {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  readonly url: string;
  /** Stops listening and drops open connections. Idempotent. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

async function toRequest(req: IncomingMessage, base: string, signal: AbortSignal) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    signal,
    ...(body === undefined ? {} : { body: body as Buffer<ArrayBuffer> }),
  });
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse) {
  if (response.type === 'error') {
    // A reset connection, as a client sees a provider's dropped socket (ECONNRESET).
    (res.socket ?? req.socket).resetAndDestroy();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves a fetch-style handler over `node:http` on loopback: the local-server face of an HTTP
 * provider mock. The request's signal fires when the client goes away, so a mock can tell a
 * request the client gave up on (a timeout) from one it waited for.
 */
export async function startFetchServer(
  handle: FetchHandler,
  options: FetchServerOptions = {},
): Promise<FetchServer> {
  const host = options.host ?? '127.0.0.1';
  let base = `http://${host}`;
  const server = createServer((req, res) => {
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    toRequest(req, base, gone.signal)
      .then(handle)
      .then((response) => writeResponse(response, req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('mock server error');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: base,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
