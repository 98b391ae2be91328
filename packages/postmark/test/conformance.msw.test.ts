import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { createMockPostmark } from '@org/mock-postmark';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { mockOptions, postmarkHarness } from './harness.js';

// Through msw, as an app's own tests would use the mock.
const mock = createMockPostmark(mockOptions);
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeEmailConnectorConformance({ name: 'postmark (msw)', setup: () => postmarkHarness(mock) });
