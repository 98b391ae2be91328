import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface JsonHttpClientOptions {
  /** `https://api.example.com` (a path prefix is kept); `http:` only for local mocks. */
  baseUrl: string;
  /** Sent with every request, e.g. the provider's auth header. */
  headers?: Record<string, string>;
  /** Per request, from the first byte written to the last byte read. */
  timeoutMs: number;
  /** Idle sockets kept open for reuse. Default 16. */
  maxFreeSockets?: number;
  /** How long an idle socket stays open. Default 30 000 ms. */
  keepAliveMs?: number;
}

export interface JsonHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Appended to the base URL's path, e.g. `/emails` or `/senders?count=50`. */
  path: string;
  /** Serialized as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface JsonHttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  json: unknown;
  /** The raw body (for errors whose body is not JSON, e.g. an HTML 503 from a proxy). */
  text: string;
}

/** The request outlived `timeoutMs`; the socket was destroyed. */
export class HttpTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(readonly timeoutMs: number) {
    super(`No complete answer within ${timeoutMs} ms.`);
    this.name = 'HttpTimeoutError';
  }
}

export interface JsonHttpClient {
  request(request: JsonHttpRequest): Promise<JsonHttpResponse>;
  /** Destroys the pooled sockets; requests in flight fail. Idempotent. */
  close(): void;
}

function readResponse(response: IncomingMessage): Promise<JsonHttpResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('error', reject);
    response.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      if (text !== '' && /\bjson\b/i.test(String(response.headers['content-type'] ?? 'json'))) {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      resolve({ status: response.statusCode ?? 0, headers, json, text });
    });
  });
}

/**
 * One keep-alive HTTP(S) client for a provider's JSON API: a single agent per connector (so
 * sends reuse warm TLS connections and `close()` releases them), a per-request timeout, and the
 * caller's AbortSignal. Built on `node:http(s)`: no runtime dependency, and msw intercepts it.
 */
export function createJsonHttpClient(options: JsonHttpClientOptions): JsonHttpClient {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new TypeError(`baseUrl must be an http(s) URL, got ${base.protocol}`);
  }
  const secure = base.protocol === 'https:';
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1_000,
    maxFreeSockets: options.maxFreeSockets ?? 16,
    timeout: options.keepAliveMs ?? 30_000,
  };
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  // Looked up per request, not imported by name: request interceptors (msw) patch the module.
  const send = (url: URL, init: http.RequestOptions) =>
    secure ? https.request(url, init) : http.request(url, init);
  const prefix = base.pathname.replace(/\/+$/, '');
  let closed = false;

  return {
    request({ method, path, body, headers, signal }) {
      return new Promise<JsonHttpResponse>((resolve, reject) => {
        if (closed) {
          reject(new Error('The HTTP client was closed.'));
          return;
        }
        if (signal?.aborted) {
          reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
          return;
        }
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const url = new URL(`${prefix}${path}`, base);
        const req = send(url, {
          method,
          agent,
          headers: {
            accept: 'application/json',
            ...options.headers,
            ...headers,
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
          },
        });
        let settled = false;
        const finish = (error: unknown, response?: JsonHttpResponse) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (response) resolve(response);
          else reject(error);
        };
        const onAbort = () => {
          const reason =
            signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
          finish(reason);
          req.destroy(reason instanceof Error ? reason : undefined);
        };
        const timer = setTimeout(() => {
          const error = new HttpTimeoutError(options.timeoutMs);
          finish(error);
          req.destroy(error);
        }, options.timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        req.once('error', (error) => finish(error));
        req.once('response', (response) => {
          readResponse(response).then(
            (read) => finish(undefined, read),
            (error: unknown) => finish(error),
          );
        });
        req.end(payload);
      });
    },
    close() {
      closed = true;
      agent.destroy();
    },
  };
}
