import { createRequire } from 'node:module';
import { handleWithHangUps } from './msw-hang-ups.js';

/**
 * Loads an optional peer dependency (msw) on first use, resolved from the mock package that
 * asks for it (`import.meta.url` of that package), so a mock's server face and CLI run
 * without it and a missing peer is an error that says how to install it.
 */
export function requireOptionalPeer<T>(fromUrl: string, specifier: string, message: string): T {
  try {
    return createRequire(fromUrl)(specifier) as T;
  } catch (error) {
    throw new Error(message, { cause: error });
  }
}

/**
 * msw turns `Response.error()` into `TypeError: Network error`, which clients do not retry; a
 * provider's dropped connection is a reset socket, which they do. A body that fails before its
 * first byte makes msw close the socket with nothing written, which a client sees as
 * "socket hang up" (ECONNRESET), as on the wire.
 */
export function connectionResetResponse(label: string): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error(`${label}: connection reset (injected network_error)`));
      },
    }),
  );
}

/** The part of msw's `http` namespace a catch-all handler needs; structural, as core has no msw dependency. */
export interface MswHttp<Handler> {
  all(path: string | RegExp, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

export interface CatchAllOptions {
  /** Names the mock in the reset connection's error. */
  label: string;
  /** Regular expressions matched as they are (e.g. every regional endpoint). */
  patterns?: readonly RegExp[];
}

/**
 * One msw handler per base URL (every path below it) and per pattern, answered by a mock's
 * fetch `handle`: a client's hang-up reaches `handle` as an aborted request signal, and an
 * answer of type `error` becomes a reset connection.
 */
export function mswCatchAllHandlers<Handler>(
  http: MswHttp<Handler>,
  baseUrls: readonly string[],
  handle: (request: Request) => Promise<Response>,
  options: CatchAllOptions,
): Handler[] {
  const resolver = async ({ request }: { request: Request }): Promise<Response> => {
    const response = await handleWithHangUps(request, handle);
    return response.type === 'error' ? connectionResetResponse(options.label) : response;
  };
  const paths = baseUrls.map((base) => {
    const url = new URL(base);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}/*`;
  });
  return [...(options.patterns ?? []), ...paths].map((path) => http.all(path, resolver));
}
