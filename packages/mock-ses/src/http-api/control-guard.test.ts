import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockSesServer } from '../server/start-mock-ses-server.js';
import type { MockSesServer } from '../types.js';
import { isLoopbackHostname } from './control-guard.js';

let server: MockSesServer;

beforeAll(async () => {
  server = await startMockSesServer();
});

afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  body: string;
}

/** node:http, not fetch: a test must be free to send any Host, Origin or Sec-Fetch-Site. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string) {
  const { hostname, port } = new URL(server.url);
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const faultBody = JSON.stringify({ fault: 'MessageRejected' });
const json = { 'content-type': 'application/json' };

describe('the control API trusts only its own origin', () => {
  it('refuses a cross-site no-cors POST (text/plain, foreign Origin) and registers nothing', async () => {
    const answer = await raw(
      'POST',
      '/_mock/faults',
      {
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      faultBody,
    );
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).message).toMatch(/Origin "https:\/\/evil\.example"/);
    expect(server.mock.faults.pending()).toEqual([]);
  });

  it('refuses a foreign Origin even with application/json', async () => {
    const answer = await raw('POST', '/_mock/faults', { ...json, origin: 'null' }, faultBody);
    expect(answer.status).toBe(403);
    expect(server.mock.faults.pending()).toEqual([]);
  });

  it('refuses a page on another port of localhost (same-site, not same-origin)', async () => {
    const answer = await raw('DELETE', '/_mock/outbox', { 'sec-fetch-site': 'same-site' });
    expect(answer.status).toBe(403);
    const reset = await raw('POST', '/_mock/reset', { ...json, origin: 'http://localhost:3000' });
    expect(reset.status).toBe(403);
  });

  it('refuses a POST that is not application/json with 415', async () => {
    const answer = await raw('POST', '/_mock/faults', { 'content-type': 'text/plain' }, faultBody);
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).message).toMatch(/content-type application\/json/);
    const bare = await raw('POST', '/_mock/reset', {});
    expect(bare.status).toBe(415);
    expect(server.mock.faults.pending()).toEqual([]);
  });

  it("accepts the server's own origin (the outbox page) and tools that send no Origin", async () => {
    const { host } = new URL(server.url);
    const page = await raw(
      'POST',
      '/_mock/faults',
      { ...json, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' },
      faultBody,
    );
    expect(page.status).toBe(201);
    const curl = await raw('DELETE', '/_mock/faults', {});
    expect(curl.status).toBe(204);
    expect(server.mock.faults.pending()).toEqual([]);
  });

  it('refuses a non-loopback Host on a loopback server (DNS rebinding)', async () => {
    const outbox = await raw('GET', '/_mock/outbox', { host: 'rebind.evil.example:4580' });
    expect(outbox.status).toBe(403);
    expect(JSON.parse(outbox.body).message).toMatch(/DNS rebinding/);
    const page = await raw('GET', '/', { host: 'rebind.evil.example' });
    expect(page.status).toBe(403);
    const local = await raw('GET', '/_mock/health', { host: 'localhost' });
    expect(local.status).toBe(200);
  });

  it('answers a malformed Host with 400, not 500', async () => {
    for (const host of ['a b', 'a/b', 'x:99999999', 'a@b']) {
      const answer = await raw('GET', '/_mock/health', { host });
      expect(answer.status, host).toBe(400);
      expect(JSON.parse(answer.body).message).toMatch(/Host header/);
    }
  });

  it('leaves SES routes open to any client', async () => {
    const answer = await raw('GET', '/v2/email/account', { origin: 'https://evil.example' });
    expect(answer.status).toBe(200);
  });
});

describe('isLoopbackHostname', () => {
  it.each([
    ['localhost', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['LOCALHOST.', true],
    ['localhost.evil.example', false],
    ['127.0.0.1.evil.example', false],
    ['0.0.0.0', false],
    ['10.0.0.1', false],
  ])('%s → %s', (name, expected) => {
    expect(isLoopbackHostname(name)).toBe(expected);
  });
});
