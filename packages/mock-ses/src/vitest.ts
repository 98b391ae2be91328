import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockSes } from './create-mock-ses.js';
import type { MockSes, MockSesOptions } from './types.js';

export type { MockSes, MockSesOptions } from './types.js';

export interface VitestMockSes extends MockSes {
  /** The msw server, for `server.use(...)` overrides of your own. */
  readonly server: SetupServer;
}

/**
 * Call at the top of a test file (or a `describe`): intercepts SES for the file's tests through
 * msw, fails any request nothing handles, and resets the mock after each test.
 */
export function useMockSes(options?: MockSesOptions): VitestMockSes {
  const mock = createMockSes(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    mock.reset();
    server.resetHandlers();
  });
  afterAll(() => {
    server.close();
  });
  return Object.assign(mock, { server });
}
