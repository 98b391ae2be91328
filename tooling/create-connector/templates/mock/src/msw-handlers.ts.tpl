import { createRequire } from 'node:module';
import type { RequestHandler } from 'msw';
import { handleWithHangUps } from './msw-hang-ups.js';

type Msw = typeof import('msw');

let msw: Msw | undefined;

/** msw is an optional peer: the server and the CLI run without it, so it loads on first use. */
function loadMsw(): Msw {
  if (!msw) {
    try {
      msw = createRequire(import.meta.url)('msw') as Msw;
    } catch (error) {
      throw new Error(
        '__MOCKPACKAGE__: `mock.handlers` needs msw 2 (an optional peer dependency). Install it with `pnpm add -D msw@^2.15`, or use startMock__PASCAL__Server() instead.',
        { cause: error },
      );
    }
  }
  return msw;
}

/**
 * msw turns `Response.error()` into `TypeError: Network error`; a provider's dropped connection
 * is a reset socket. A body that fails before its first byte makes msw close the socket with
 * nothing written, which a client sees as "socket hang up" (ECONNRESET), as on the wire.
 */
function connectionReset(): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error('connection reset (injected network_error)'));
      },
    }),
  );
}

/** One msw handler for every path under `baseUrl`, answered by the engine. */
export function createMswHandlers(
  baseUrl: string,
  handle: (request: Request) => Promise<Response>,
): RequestHandler[] {
  const { http } = loadMsw();
  const url = new URL(baseUrl);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const response = await handleWithHangUps(request, handle);
      return response.type === 'error' ? connectionReset() : response;
    }),
  ];
}
