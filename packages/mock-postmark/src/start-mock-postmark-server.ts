import { startFetchServer } from '@org/connector-core/testing';
import { createMockPostmark } from './create-mock-postmark.js';
import type { MockPostmarkServer, MockPostmarkServerOptions } from './types.js';

/**
 * Serves the mock on loopback: point a connector's `baseUrl` at `url`. Besides Postmark's routes
 * it answers `GET /_mock/outbox` (the accepted emails as JSON) and `DELETE /_mock/outbox`.
 */
export async function startMockPostmarkServer(
  options: MockPostmarkServerOptions = {},
): Promise<MockPostmarkServer> {
  const { port, host, ...mockOptions } = options;
  const mock = createMockPostmark({ ...mockOptions, baseUrl: 'http://127.0.0.1' });
  const server = await startFetchServer(
    async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/_mock/outbox') {
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
  return { url: server.url, mock, close: () => server.close() };
}
