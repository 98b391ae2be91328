import { startMockHttpServer } from '@org/connector-core/testing';
import { createMockResend } from './create-mock-resend.js';
import type { MockResendServer, MockResendServerOptions } from './types.js';

/**
 * Serves the mock on loopback: point a connector's `baseUrl` at `url`. Besides Resend's routes
 * it answers `GET /_mock/outbox` (the accepted emails as JSON) and `DELETE /_mock/outbox`.
 */
export async function startMockResendServer(
  options: MockResendServerOptions = {},
): Promise<MockResendServer> {
  const { port, host, ...mockOptions } = options;
  const mock = createMockResend({ ...mockOptions, baseUrl: 'http://127.0.0.1' });
  const server = await startMockHttpServer(mock, {
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
  });
  return { url: server.url, mock, close: () => server.close() };
}
