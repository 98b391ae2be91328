// The README's "plug in a new provider" example, run through the whole suite.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { describeEmailConnectorConformance } from '../src/index.js';
import { postboxHarness } from './fixtures/postbox/harness.js';
import { createPostboxMock } from './fixtures/postbox/provider-mock.js';

const postbox = createPostboxMock();
const server = setupServer(...postbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeEmailConnectorConformance({
  name: 'postbox (example)',
  setup: () => postboxHarness(postbox),
});
