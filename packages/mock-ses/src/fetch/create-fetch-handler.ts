import type { Engine } from '../engine/engine-request.js';
import { internalErrorResponse } from '../engine/responses.js';
import { fromFetchRequest } from './from-fetch-request.js';
import { toFetchResponse } from './to-fetch-response.js';

/**
 * `MockSes#handle`: the engine, fetch-style. Never throws and never rejects: the engine answers
 * every SES failure itself, and anything else (a value that is not a Request, an answer that
 * cannot be made a Response) is SES's generic 500, so a test sees a failed call, not a crash.
 */
export function createFetchHandler(engine: Engine): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return toFetchResponse(await engine(fromFetchRequest(request)));
    } catch {
      return toFetchResponse(internalErrorResponse());
    }
  };
}
