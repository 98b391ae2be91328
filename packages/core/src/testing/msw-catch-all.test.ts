import { describe, expect, it } from 'vitest';
import {
  connectionResetResponse,
  mswCatchAllHandlers,
  requireOptionalPeer,
} from './msw-catch-all.js';

type Resolver = (info: { request: Request }) => Promise<Response>;

/** Stands in for msw's `http`: records what each handler matches and keeps its resolver. */
function fakeHttp() {
  const routes: { path: string | RegExp; resolver: Resolver }[] = [];
  return {
    routes,
    http: {
      all(path: string | RegExp, resolver: Resolver) {
        routes.push({ path, resolver });
        return routes.length - 1;
      },
    },
  };
}

describe('mswCatchAllHandlers', () => {
  it('matches every path below each base URL and each pattern', () => {
    const { http, routes } = fakeHttp();
    const handlers = mswCatchAllHandlers(
      http,
      ['https://api.example.com/', 'http://127.0.0.1:4000/v1/'],
      async () => new Response('ok'),
      { label: 'mock-x', patterns: [/^https:\/\/x\./] },
    );
    expect(handlers).toEqual([0, 1, 2]);
    expect(routes.map((route) => route.path)).toEqual([
      /^https:\/\/x\./,
      'https://api.example.com/*',
      'http://127.0.0.1:4000/v1/*',
    ]);
  });

  it('passes the request to the mock and turns an `error` answer into a reset connection', async () => {
    const { http, routes } = fakeHttp();
    const seen: string[] = [];
    mswCatchAllHandlers(
      http,
      ['https://api.example.com'],
      async (request) => {
        seen.push(new URL(request.url).pathname);
        return request.method === 'DELETE' ? Response.error() : Response.json({ ok: true });
      },
      { label: 'mock-x' },
    );
    const { resolver } = routes[0]!;
    const ok = await resolver({ request: new Request('https://api.example.com/emails') });
    expect(await ok.json()).toEqual({ ok: true });
    const reset = await resolver({
      request: new Request('https://api.example.com/emails/1', { method: 'DELETE' }),
    });
    await expect(reset.text()).rejects.toThrow('mock-x: connection reset');
    expect(seen).toEqual(['/emails', '/emails/1']);
  });
});

describe('connectionResetResponse', () => {
  it('fails before its first byte, naming the mock', async () => {
    await expect(connectionResetResponse('mock-y').arrayBuffer()).rejects.toThrow(
      'mock-y: connection reset (injected network_error)',
    );
  });
});

describe('requireOptionalPeer', () => {
  it('loads a package resolvable from the given module', () => {
    expect(requireOptionalPeer<typeof import('zod')>(import.meta.url, 'zod', 'x').z).toBeDefined();
  });

  it('throws the given install advice, keeping the resolution error as cause', () => {
    let thrown: unknown;
    try {
      requireOptionalPeer(import.meta.url, 'not-a-package-xyz', 'install not-a-package-xyz');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('install not-a-package-xyz');
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });
});
