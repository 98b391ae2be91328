import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { startMockPostmarkServer } from './start-mock-postmark-server.js';
import type { MockPostmarkServer } from './types.js';

let server: MockPostmarkServer | undefined;
afterEach(() => server?.close());

describe('startMockPostmarkServer', () => {
  it('serves the engine over HTTP with its outbox', async () => {
    server = await startMockPostmarkServer({ serverTokens: ['local-token'] });
    const response = await fetch(`${server.url}/email`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-postmark-server-token': 'local-token',
      },
      body: JSON.stringify({
        From: 'a@acme.example',
        To: 'b@example.com',
        Subject: 'Hi',
        TextBody: 'Hello',
      }),
    });
    expect(((await response.json()) as { ErrorCode: number }).ErrorCode).toBe(0);
    expect(await (await fetch(`${server.url}/_mock/outbox`)).json()).toHaveLength(1);
  });
});

describe('mock-postmark CLI arguments', () => {
  it('reads tokens, senders and the sandbox flag', () => {
    expect(
      parseCliArgs([
        '--server-token',
        't',
        '--sender',
        'a@acme.example',
        '--sender',
        'acme.example',
        '--sandbox',
      ]),
    ).toEqual({
      serverTokens: ['t'],
      senderSignatures: [{ email: 'a@acme.example' }, { domain: 'acme.example' }],
      server: { deliveryType: 'Sandbox' },
    });
  });
});
