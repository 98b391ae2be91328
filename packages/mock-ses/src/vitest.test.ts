import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { simpleEmail, testCredentials } from './testing/ses-test-harness.js';
import { useMockSes } from './vitest.js';

const mock = useMockSes({ region: 'us-east-1' });
const client = new SESv2Client({ region: 'us-east-1', credentials: testCredentials });

describe('useMockSes', () => {
  it('intercepts the SDK for the tests of the file', async () => {
    const output = await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.outbox.get(output.MessageId as string)?.subject).toBe('Your code');
  });

  it('starts every test from an empty mock', () => {
    expect(mock.outbox.size).toBe(0);
    expect(mock.requests.size).toBe(0);
  });

  it('fails requests no handler answers instead of reaching the network', async () => {
    await expect(fetch('https://example.com/not-mocked')).rejects.toThrow();
  });

  it('exposes the msw server for overrides, dropped after the test', async () => {
    mock.server.use(http.get('https://override.test/ping', () => HttpResponse.text('pong')));
    expect(await (await fetch('https://override.test/ping')).text()).toBe('pong');
  });

  it('has dropped the previous test override', async () => {
    await expect(fetch('https://override.test/ping')).rejects.toThrow();
  });
});
