import { startMockHttpServer } from '@org/connector-core/testing';
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
  const server = await startMockHttpServer(mock, {
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
  });
  return { url: server.url, mock, close: () => server.close() };
}
