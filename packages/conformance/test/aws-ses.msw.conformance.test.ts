import { useMockSes } from '@org/mock-ses/vitest';
import { describeEmailConnectorConformance } from '../src/index.js';
import { awsSesHarness, conformanceCredentials } from './fixtures/aws-ses-harness.js';

// The real SESv2Client, its requests intercepted by msw and answered by the SES mock.
const ses = useMockSes({ credentials: conformanceCredentials });

describeEmailConnectorConformance({
  name: 'aws-ses (msw)',
  setup: () => awsSesHarness(ses),
});
