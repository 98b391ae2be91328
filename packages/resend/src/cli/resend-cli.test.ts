import { runConnectorCli } from '@org/connector-core/cli';
import { type MockResendServer, startMockResendServer } from '@org/mock-resend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendCli } from './resend-cli.js';

const apiKey = 're_cli_0123456789';
let server: MockResendServer;
beforeAll(async () => {
  server = await startMockResendServer({ apiKeys: [apiKey], domains: [{ name: 'acme.example' }] });
});
afterAll(() => server.close());

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runConnectorCli(resendCli, argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { RESEND_API_KEY: apiKey },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('resend-connector', () => {
  it('check passes for a verified sender domain, reading the key from RESEND_API_KEY', async () => {
    const result = await run([
      'check',
      '--from',
      'Acme <noreply@acme.example>',
      '--base-url',
      server.url,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('acme.example is verified');
    expect(`${result.stdout}${result.stderr}`).not.toContain(apiKey);
    expect(server.mock.outbox()).toHaveLength(0);
  });

  it('check fails for a sender domain that is not the team’s', async () => {
    const result = await run([
      'check',
      '--from',
      'noreply@other.example',
      '--base-url',
      server.url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('other.example is not a domain of this Resend team');
  });

  it('test sends one email through the API and prints no code', async () => {
    server.mock.reset();
    const result = await run([
      'test',
      '--to',
      'ada@example.com',
      '--from',
      'noreply@acme.example',
      '--base-url',
      server.url,
    ]);
    expect(result.code).toBe(0);
    const [email] = server.mock.outbox();
    expect(email?.to).toEqual(['ada@example.com']);
    const code = /\d{6}/.exec(email?.text ?? '')?.[0];
    expect(code).toBeDefined();
    expect(result.stdout).not.toContain(code!);
  });
});
