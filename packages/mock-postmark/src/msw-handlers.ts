import { mswCatchAllHandlers, requireOptionalPeer } from '@org/connector-core/testing';
import type { RequestHandler } from 'msw';

type Msw = typeof import('msw');

let msw: Msw | undefined;

/** One msw handler for every path under `baseUrl`, answered by the engine. */
export function createMswHandlers(
  baseUrl: string,
  handle: (request: Request) => Promise<Response>,
): RequestHandler[] {
  msw ??= requireOptionalPeer<Msw>(
    import.meta.url,
    'msw',
    '@org/mock-postmark: `mock.handlers` needs msw 2 (an optional peer dependency). Install it with `pnpm add -D msw@^2.15`, or use startMockPostmarkServer() instead.',
  );
  return mswCatchAllHandlers<RequestHandler>(msw.http, [baseUrl], handle, {
    label: '@org/mock-postmark',
  });
}
