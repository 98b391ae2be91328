import type { RequestHandler } from 'msw';
import type { Engine } from './engine/engine-request.js';
import { createEngine } from './engine/handle-request.js';
import { createEngineState } from './engine/state.js';
import { createFetchHandler } from './fetch/create-fetch-handler.js';
import { createMswHandlers } from './msw-handlers.js';
import { assertMockOptions } from './options-schema.js';
import { createSnsMswHandlers } from './sns/sns-msw-handlers.js';
import type { MockSes, MockSesOptions } from './types.js';

/**
 * A fresh SES v2 mock with its own state: two instances in one process share nothing.
 * One engine (plain requests in, plain answers out); `handle` (fetch), `handlers` (msw) and
 * startMockSesServer() (node:http) are thin faces over it.
 */
export function createMockSes(options: MockSesOptions = {}): MockSes {
  return createMockSesWithEngine(options).mock;
}

/**
 * The mock and its engine's plain entry, for the node server, which skips the fetch
 * `Request`/`Response` round trip. Internal: not exported from the package.
 */
export function createMockSesWithEngine(options: MockSesOptions = {}): {
  mock: MockSes;
  engine: Engine;
} {
  assertMockOptions(options);
  const state = createEngineState(options);
  const engine = createEngine(state);
  let handlers: RequestHandler[] | undefined;
  const mock: MockSes = {
    region: state.region,
    get handlers() {
      handlers ??= [
        ...createMswHandlers(engine, options.endpoints),
        ...createSnsMswHandlers(mock.sns),
      ];
      return handlers;
    },
    handle: createFetchHandler(engine),
    outbox: state.outbox,
    requests: state.requests,
    faults: state.faults,
    identities: state.identities,
    account: state.account,
    sns: state.sns,
    suppressionList: state.suppressionList,
    feedback: state.feedback,
    reset: state.reset,
  };
  return { mock, engine };
}
