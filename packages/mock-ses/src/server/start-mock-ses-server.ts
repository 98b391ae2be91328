import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockSesWithEngine } from '../create-mock-ses.js';
import type { EngineResponse } from '../engine/engine-request.js';
import { toFetchResponse } from '../fetch/to-fetch-response.js';
import { isLoopbackHostname } from '../http-api/control-guard.js';
import { createMockApiRouter, isMockApiPath } from '../http-api/mock-api-router.js';
import { apiErrorAnswer } from '../http-api/responses.js';
import { assertServerOptions } from '../options-schema.js';
import type { EngineSns } from '../sns/create-mock-sns.js';
import type { MockSesServer, MockSesServerOptions } from '../types.js';
import { ClientRequestError } from './client-request-error.js';
import { fromNodeRequest } from './from-node-request.js';
import { RequestTooLargeError } from './read-body.js';
import { parseRequestTarget, type RequestTarget } from './request-target.js';
import { sendEngineResponse } from './send-engine-response.js';
import { sendFetchResponse } from './send-fetch-response.js';
import { toFetchRequest } from './to-fetch-request.js';

/** How long `close()` lets in-flight requests finish before it cuts their connections. */
const closeGraceMs = 10_000;

/**
 * Idle keep-alive connections stay open this long (node's default is 5 s). A test suite often
 * pauses longer than 5 s between sends; reconnecting then costs a handshake, and a send racing
 * the server's close of the idle socket fails with ECONNRESET and is retried. close() still
 * cuts idle connections at once.
 */
const keepAliveTimeoutMs = 60_000;

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
  assertServerOptions(options);
  const { port = 0, host = '127.0.0.1', ...mockOptions } = options;
  const { mock, engine } = createMockSesWithEngine(mockOptions);
  const shutdown = new AbortController();
  const route = createMockApiRouter(mock, {
    signal: shutdown.signal,
    loopbackOnly: isLoopbackHostname(host),
  });
  const fallbackHost = `${host}:${port}`;
  let closing = false;
  let closed: Promise<void> | undefined;

  function failure(error: unknown) {
    // The mock's own failure is named, not detailed: an error text may quote request data.
    return error instanceof ClientRequestError
      ? apiErrorAnswer(error.status, error.message)
      : apiErrorAnswer(500, 'mock-ses failed to answer this request (a bug in the mock).');
  }

  /**
   * The last line of defence: whatever went wrong writing an answer, the client gets a 500
   * (or, once the head is out, a cut connection) and the process lives on.
   */
  function lastResort(req: IncomingMessage, res: ServerResponse) {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    try {
      sendEngineResponse(failure(undefined), req, res, { closeConnection: true });
    } catch {
      res.destroy();
    }
  }

  /**
   * SES requests (the hot path) go to the engine as plain data and come back as one write:
   * no fetch `Request`/`Response`, no per-request AbortController or listener.
   */
  async function serveSes(req: IncomingMessage, res: ServerResponse, target: RequestTarget) {
    let response: EngineResponse;
    let unreadBody = false;
    try {
      response = await engine(await fromNodeRequest(req, res, target, fallbackHost));
    } catch (error) {
      response = failure(error);
      unreadBody = error instanceof RequestTooLargeError;
    }
    // Written whole, so the socket is idle as soon as this returns and close() can cut it;
    // no per-request 'close' listener is needed to free the port.
    try {
      sendEngineResponse(response, req, res, { closeConnection: closing || unreadBody });
    } catch {
      lastResort(req, res);
    }
  }

  /** The page and the mock API speak fetch (live event streams need the request's signal). */
  async function serveMockApi(req: IncomingMessage, res: ServerResponse) {
    const disconnected = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) disconnected.abort();
      // A keep-alive socket that just went idle during close() must not hold the port.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    let response: Response;
    try {
      const request = await toFetchRequest(req, { signal: disconnected.signal, fallbackHost });
      response = (await route(request)) ?? (await mock.handle(request));
    } catch (error) {
      response = toFetchResponse(failure(error));
      // The rest of an oversize body is drained unread: this connection cannot be reused.
      if (error instanceof RequestTooLargeError) res.setHeader('connection', 'close');
    }
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
    try {
      await sendFetchResponse(response, req, res);
    } catch {
      lastResort(req, res);
    }
  }

  function serve(req: IncomingMessage, res: ServerResponse) {
    let target: RequestTarget;
    try {
      target = parseRequestTarget(req.url ?? '/');
    } catch {
      const error = new ClientRequestError(400, 'The request target is not a valid URL path.');
      sendEngineResponse(failure(error), req, res, { closeConnection: closing });
      return;
    }
    const served = isMockApiPath(target.path) ? serveMockApi(req, res) : serveSes(req, res, target);
    served.catch(() => lastResort(req, res));
  }

  const server = createServer((req, res) => {
    res.on('error', () => {
      // The client went away; there is no one left to tell.
    });
    try {
      serve(req, res);
    } catch {
      lastResort(req, res);
    }
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;

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
  // The certificate and the confirmation links are served here, unless sns.publicUrl was set.
  (mock.sns as EngineSns).usePublicUrl(`${url}/_sns`);

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
