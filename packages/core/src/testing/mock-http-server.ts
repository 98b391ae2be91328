import { type FetchServer, type FetchServerOptions, startFetchServer } from './fetch-server.js';

/** What a provider mock gives its loopback server. */
export interface ServableMock {
  handle(request: Request): Promise<Response>;
  /** The accepted emails, as `GET /_mock/outbox` returns them. */
  outbox(): unknown;
  reset(): void;
}

/**
 * Serves a provider mock on loopback: the provider's routes through `handle`, and the mock's own
 * `GET /_mock/outbox` (the accepted emails as JSON) and `DELETE /_mock/outbox` (reset).
 */
export function startMockHttpServer(
  mock: ServableMock,
  options: FetchServerOptions = {},
): Promise<FetchServer> {
  const { port, host } = options;
  return startFetchServer(
    async (request) => {
      if (new URL(request.url).pathname === '/_mock/outbox') {
        if (request.method === 'DELETE') {
          mock.reset();
          return new Response(null, { status: 204 });
        }
        return Response.json(mock.outbox());
      }
      return mock.handle(request);
    },
    { ...(port === undefined ? {} : { port }), ...(host === undefined ? {} : { host }) },
  );
}
