import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { type MockResendServer, startMockResendServer } from '@org/mock-resend';
import { afterAll, beforeAll } from 'vitest';
import { apiKey, resendHarness } from './harness.js';

// Over real sockets, against the mock's local server.
let local: MockResendServer;
beforeAll(async () => {
  local = await startMockResendServer({
    apiKeys: [apiKey],
    domains: [{ name: 'conformance.example' }],
  });
});
afterAll(() => local.close());

describeEmailConnectorConformance({
  name: 'resend (local server)',
  setup: () => resendHarness(local.mock, local.url),
});
