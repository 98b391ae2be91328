import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFetchServer } from '../testing/fetch-server.js';
import { createJsonHttpClient, HttpTimeoutError } from './json-http-client.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(handle: (request: Request) => Promise<Response>) {
  const server = await startFetchServer(handle);
  closers.push(() => server.close());
  return server.url;
}

function client(baseUrl: string, timeoutMs = 2_000) {
  const created = createJsonHttpClient({
    baseUrl,
    timeoutMs,
    headers: { authorization: 'Bearer t' },
  });
  closers.push(() => created.close());
  return created;
}

describe('createJsonHttpClient', () => {
  it('sends JSON with the default headers under the base path and parses the JSON answer', async () => {
    let seen:
      | { method: string; url: string; headers: Record<string, string>; body: unknown }
      | undefined;
    const url = await serve(async (request) => {
      seen = {
        method: request.method,
        url: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers),
        body: await request.json(),
      };
      return Response.json({ id: 'm-1' }, { status: 201, headers: { 'x-request-id': 'r-1' } });
    });
    const response = await client(`${url}/v1/`).request({
      method: 'POST',
      path: '/emails',
      body: { to: ['a@example.com'] },
      headers: { 'idempotency-key': 'k' },
    });
    expect(response).toMatchObject({
      status: 201,
      json: { id: 'm-1' },
      headers: { 'x-request-id': 'r-1' },
    });
    expect(seen).toMatchObject({
      method: 'POST',
      url: '/v1/emails',
      body: { to: ['a@example.com'] },
      headers: {
        authorization: 'Bearer t',
        accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': 'k',
      },
    });
  });

  it('keeps a non-JSON body as text', async () => {
    const url = await serve(
      async () =>
        new Response('<h1>503</h1>', { status: 503, headers: { 'content-type': 'text/html' } }),
    );
    const response = await client(url).request({ method: 'GET', path: '/x' });
    expect(response).toMatchObject({ status: 503, json: undefined, text: '<h1>503</h1>' });
  });

  it('reuses one connection for sequential requests (keep-alive)', async () => {
    let connections = 0;
    const server: Server = createServer((_req, res) => res.end('{}')).on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const http = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    for (let i = 0; i < 5; i += 1) await http.request({ method: 'GET', path: '/' });
    http.close();
    server.closeAllConnections();
    expect(connections).toBe(1);
  });

  it('fails with HttpTimeoutError when the answer is late', async () => {
    const url = await serve(
      (request) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(Response.json({})), 2_000);
          request.signal.addEventListener('abort', () => clearTimeout(timer));
        }),
    );
    await expect(client(url, 100).request({ method: 'GET', path: '/' })).rejects.toBeInstanceOf(
      HttpTimeoutError,
    );
  });

  it('rejects with the signal’s reason on abort, and with the socket error on a reset', async () => {
    const url = await serve(async (request) =>
      new URL(request.url).pathname === '/reset' ? Response.error() : new Promise(() => {}),
    );
    const http = client(url);
    const controller = new AbortController();
    const pending = http.request({ method: 'GET', path: '/slow', signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(http.request({ method: 'GET', path: '/reset' })).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
    http.close();
    await expect(http.request({ method: 'GET', path: '/' })).rejects.toThrow(/closed/);
  });
});
