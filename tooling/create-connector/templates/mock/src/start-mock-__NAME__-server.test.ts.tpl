import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { startMock__PASCAL__Server } from './start-mock-__NAME__-server.js';
import type { Mock__PASCAL__Server } from './types.js';

let server: Mock__PASCAL__Server | undefined;
afterEach(() => server?.close());

describe('startMock__PASCAL__Server', () => {
  it('serves the engine over HTTP on loopback, with its outbox', async () => {
    server = await startMock__PASCAL__Server({ apiKeys: ['__NAME__-local-key'] });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const refused = await fetch(`${server.url}/emails`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    expect(await (await fetch(`${server.url}/_mock/outbox`)).json()).toEqual([]);
    expect(server.mock.requests()).toHaveLength(1);
    expect((await fetch(`${server.url}/_mock/outbox`, { method: 'DELETE' })).status).toBe(204);
    expect(server.mock.requests()).toEqual([]);
  });
});

describe('mock-__NAME__ CLI arguments', () => {
  it('reads the port, host and keys', () => {
    expect(parseCliArgs(['--port', '8025', '--api-key', 'k1', '--api-key', 'k2'])).toEqual({
      port: 8025,
      apiKeys: ['k1', 'k2'],
    });
    expect(parseCliArgs(['--help'])).toBe('help');
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--nope'])).toThrow();
  });
});
