import type { Engine } from '../engine/engine-request.js';
import { fromFetchRequest } from './from-fetch-request.js';
import { toFetchResponse } from './to-fetch-response.js';

/** `MockSes#handle`: the engine, fetch-style. Never throws: every outcome is a Response. */
export function createFetchHandler(engine: Engine): (request: Request) => Promise<Response> {
  return async (request) => toFetchResponse(await engine(fromFetchRequest(request)));
}
