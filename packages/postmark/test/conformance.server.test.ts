import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { type MockPostmarkServer, startMockPostmarkServer } from '@org/mock-postmark';
import { afterAll, beforeAll } from 'vitest';
import { mockOptions, postmarkHarness } from './harness.js';

// Over real sockets, against the mock's local server.
let local: MockPostmarkServer;
beforeAll(async () => {
  local = await startMockPostmarkServer(mockOptions);
});
afterAll(() => local.close());

describeEmailConnectorConformance({
  name: 'postmark (local server)',
  setup: () => postmarkHarness(local.mock, local.url),
});
