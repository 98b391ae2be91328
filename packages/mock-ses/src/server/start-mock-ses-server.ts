import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockSes } from '../create-mock-ses.js';
import { createMockApiRouter } from '../http-api/mock-api-router.js';
import { apiError } from '../http-api/responses.js';
import type { MockSesServer, MockSesServerOptions } from '../types.js';
import { sendFetchResponse } from './send-fetch-response.js';
import { RequestTooLargeError, toFetchRequest } from './to-fetch-request.js';

/** How long `close()` lets in-flight requests finish before it cuts their connections. */
const closeGraceMs = 10_000;

function formatUrl(address: AddressInfo) {
  // A wildcard address is where the server listens, not somewhere a client can connect to.
  const host =
    address.address === '0.0.0.0'
      ? '127.0.0.1'
      : address.address === '::'
        ? '::1'
        : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * Serves one mock SES engine over node:http: SES v2 at `/v2/email/...` (pass `url` as the
 * SDK's `endpoint`), the mock API at `/_mock/...`, LocalStack's `/_aws/ses`, and the
 * outbox page at `/`.
 */
export async function startMockSesServer(
  options: MockSesServerOptions = {},
): Promise<MockSesServer> {
  const { port = 0, host = '127.0.0.1', ...mockOptions } = options;
  const mock = createMockSes(mockOptions);
  const shutdown = new AbortController();
  const route = createMockApiRouter(mock, { signal: shutdown.signal });
  let closing = false;
  let closed: Promise<void> | undefined;

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const disconnected = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) disconnected.abort();
      // A keep-alive socket that just went idle during close() must not hold the port.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    let response: Response;
    try {
      const request = await toFetchRequest(req, {
        signal: disconnected.signal,
        fallbackHost: `${host}:${port}`,
      });
      response = (await route(request)) ?? (await mock.handle(request));
    } catch (error) {
      response =
        error instanceof RequestTooLargeError
          ? apiError(413, error.message)
          : apiError(500, `mock-ses failed to answer: ${(error as Error).message}`);
    }
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
    await sendFetchResponse(response, req, res);
  }

  const server = createServer((req, res) => {
    res.on('error', () => {
      // The client went away; there is no one left to tell.
    });
    void serve(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          `mock-ses could not listen on ${host}:${port} (${error.code ?? error.message}). ${
            error.code === 'EADDRINUSE'
              ? 'The port is taken: pick another one, or 0 for a free one.'
              : ''
          }`.trim(),
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const url = formatUrl(server.address() as AddressInfo);

  return {
    url,
    mock,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing = true;
        // Resolves once every connection is gone, which frees the port for the next listen.
        server.close((error) => (error ? reject(error) : resolve()));
        shutdown.abort();
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), closeGraceMs);
        force.unref();
      });
      return closed;
    },
  };
}
