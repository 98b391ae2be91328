import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { startMockResendServer } from './start-mock-resend-server.js';
import type { MockResendServer } from './types.js';

let server: MockResendServer | undefined;
afterEach(() => server?.close());

describe('startMockResendServer', () => {
  it('serves the engine over HTTP with its outbox, and resets connections for network_error', async () => {
    server = await startMockResendServer({ apiKeys: ['re_local_key'] });
    const send = () =>
      fetch(`${server!.url}/emails`, {
        method: 'POST',
        headers: { authorization: 'Bearer re_local_key', 'content-type': 'application/json' },
        body: JSON.stringify({
          from: 'noreply@acme.example',
          to: 'jane@example.com',
          subject: 'Hi',
          text: 'Hello',
        }),
      });
    const response = await send();
    expect(response.status).toBe(200);
    const outbox = (await (await fetch(`${server.url}/_mock/outbox`)).json()) as unknown[];
    expect(outbox).toHaveLength(1);
    server.mock.fault('network_error');
    await expect(send()).rejects.toThrow(TypeError);
    await fetch(`${server.url}/_mock/outbox`, { method: 'DELETE' });
    expect(server.mock.outbox()).toHaveLength(0);
  });
});

describe('mock-resend CLI arguments', () => {
  it('reads keys, domains and limits', () => {
    expect(
      parseCliArgs([
        '--port',
        '8025',
        '--api-key',
        're_a',
        '--domain',
        'acme.example',
        '--rate-limit',
        '2',
      ]),
    ).toEqual({ port: 8025, apiKeys: ['re_a'], domains: [{ name: 'acme.example' }], rateLimit: 2 });
    expect(parseCliArgs(['--help'])).toBe('help');
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(/--port/);
  });
});
