import { startMockHttpServer } from '@org/connector-core/testing';
import { createMock__PASCAL__ } from './create-mock-__NAME__.js';
import type { Mock__PASCAL__Server, Mock__PASCAL__ServerOptions } from './types.js';

/**
 * Serves the mock on loopback: point a connector's `baseUrl` at `url`. Besides __TITLE__'s routes
 * it answers `GET /_mock/outbox` (the accepted emails as JSON) and `DELETE /_mock/outbox`.
 */
export async function startMock__PASCAL__Server(
  options: Mock__PASCAL__ServerOptions = {},
): Promise<Mock__PASCAL__Server> {
  const { port, host, ...mockOptions } = options;
  const mock = createMock__PASCAL__({ ...mockOptions, baseUrl: 'http://127.0.0.1' });
  const server = await startMockHttpServer(mock, {
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
  });
  return { url: server.url, mock, close: () => server.close() };
}
