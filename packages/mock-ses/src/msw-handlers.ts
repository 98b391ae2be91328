import { connectionResetResponse, requireOptionalPeer } from '@org/connector-core/testing';
import type { RequestHandler } from 'msw';
import type { Engine } from './engine/engine-request.js';
import { internalErrorResponse } from './engine/responses.js';
import { fromFetchRequest } from './fetch/from-fetch-request.js';
import { toFetchResponse } from './fetch/to-fetch-response.js';

type Msw = typeof import('msw');

let msw: Msw | undefined;

/**
 * msw is an optional peer: the server face and the CLI run without it, so it is loaded on
 * first use of `handlers` rather than imported at the top.
 */
export function loadMsw(): Msw {
  msw ??= requireOptionalPeer<Msw>(
    import.meta.url,
    'msw',
    '@org/mock-ses: `mock.handlers` needs msw 2 (an optional peer dependency). Install it with `pnpm add -D msw@^2.15`, or use startMockSesServer() instead.',
  );
  return msw;
}

/** Every regional (and FIPS / China) SES endpoint, as the SDK builds it by default. */
export const SES_ENDPOINT_PATTERN =
  /^https:\/\/email(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/v2\/email(?:\/|$)/;

function endpointPattern(base: string): string {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}/*`;
}

export const connectionReset = (): Response => connectionResetResponse('mock-ses');

/** msw handlers that pass every matching request to the engine. */
export function createMswHandlers(
  engine: Engine,
  endpoints: readonly string[] = [],
): RequestHandler[] {
  const { http } = loadMsw();
  const resolver = async ({ request }: { request: Request }) => {
    // As handle(): whatever goes wrong, the SDK gets SES's 500, never an msw-level throw.
    try {
      const response = await engine(fromFetchRequest(request));
      return response === 'network_error' ? connectionReset() : toFetchResponse(response);
    } catch {
      return toFetchResponse(internalErrorResponse());
    }
  };
  return [
    http.all(SES_ENDPOINT_PATTERN, resolver),
    ...endpoints.map((base) => http.all(endpointPattern(base), resolver)),
  ];
}
