import type { RequestHandler } from 'msw';
import { createRequestHandler } from './engine/handle-request.js';
import { createEngineState } from './engine/state.js';
import { createMswHandlers } from './msw-handlers.js';
import type { MockSes, MockSesOptions } from './types.js';

/**
 * A fresh SES v2 mock with its own state: two instances in one process share nothing.
 * `handle` is the engine; `handlers` (msw) and startMockSesServer() are faces over it.
 */
export function createMockSes(options: MockSesOptions = {}): MockSes {
  for (const endpoint of options.endpoints ?? []) {
    if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
      throw new TypeError(
        `createMockSes: endpoints must be absolute http(s) URLs such as http://localhost:4566, got '${endpoint}'`,
      );
    }
  }
  const state = createEngineState(options);
  const handle = createRequestHandler(state);
  let handlers: RequestHandler[] | undefined;
  return {
    region: state.region,
    get handlers() {
      handlers ??= createMswHandlers(handle, options.endpoints);
      return handlers;
    },
    handle,
    outbox: state.outbox,
    requests: state.requests,
    faults: state.faults,
    identities: state.identities,
    account: state.account,
    reset: state.reset,
  };
}
