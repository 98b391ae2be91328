import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { useMockSes } from '@org/mock-ses/vitest';
import { awsSesHarness, conformanceCredentials } from './conformance-harness.js';
import { sesFeedbackHarness } from './feedback-harness.js';

// The real SESv2Client, its requests intercepted by msw and answered by the SES mock.
const ses = useMockSes({ credentials: conformanceCredentials });

describeEmailConnectorConformance({
  name: 'aws-ses (msw)',
  setup: () => ({ ...awsSesHarness(ses), feedback: () => sesFeedbackHarness(ses) }),
});
