import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, beforeAll } from 'vitest';
import { awsSesHarness, conformanceCredentials } from './conformance-harness.js';
import { sesFeedbackHarness } from './feedback-harness.js';

// The real SESv2Client over HTTP to a local mock SES server (the `endpoint` setting).
let server: MockSesServer;
beforeAll(async () => {
  server = await startMockSesServer({ credentials: conformanceCredentials });
});
afterAll(() => server.close());

describeEmailConnectorConformance({
  name: 'aws-ses (server)',
  setup: () => ({
    ...awsSesHarness(server.mock, server.url),
    feedback: () => sesFeedbackHarness(server.mock, server.url),
  }),
});
