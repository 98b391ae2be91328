import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { createMockSes } from '@org/mock-ses';
import { createConformanceHandlers } from '@org/mock-ses/conformance';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { awsSesHarness, conformanceCredentials } from './conformance-harness.js';
import { sesFeedbackHarness } from './feedback-harness.js';

// The real SESv2Client, its requests intercepted by msw and answered by the SES mock; the
// conformance handlers also tell the mock when the client hangs up, as a real server sees.
const ses = createMockSes({ credentials: conformanceCredentials });
const server = setupServer(...createConformanceHandlers(ses));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeEmailConnectorConformance({
  name: 'aws-ses (msw)',
  setup: () => ({ ...awsSesHarness(ses), feedback: () => sesFeedbackHarness(ses) }),
});
