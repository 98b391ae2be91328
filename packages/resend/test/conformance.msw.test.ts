import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { createMockResend } from '@org/mock-resend';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { apiKey, resendHarness } from './harness.js';

// Through msw, as an app's own tests would use the mock.
const mock = createMockResend({ apiKeys: [apiKey], domains: [{ name: 'conformance.example' }] });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeEmailConnectorConformance({ name: 'resend (msw)', setup: () => resendHarness(mock) });
