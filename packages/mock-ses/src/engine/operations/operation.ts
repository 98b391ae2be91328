import type { JsonObject } from '../json-fields.js';
import type { EngineState } from '../state.js';

export interface OperationInput {
  state: EngineState;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** The JSON body (`{}` when there was none). */
  body: JsonObject;
  /** Read-only: requests without a query string share one empty instance. */
  query: Pick<URLSearchParams, 'get' | 'getAll' | 'has'>;
  requestId: string;
}

/** Returns the 200 JSON body, or throws the SesError to answer with. */
export type Operation = (input: OperationInput) => unknown | Promise<unknown>;
