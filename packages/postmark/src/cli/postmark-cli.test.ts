import { runConnectorCli } from '@org/connector-core/cli';
import { type MockPostmarkServer, startMockPostmarkServer } from '@org/mock-postmark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postmarkCli } from './postmark-cli.js';

const serverToken = 'pm-cli-server-token';
const accountToken = 'pm-cli-account-token';
let server: MockPostmarkServer;
beforeAll(async () => {
  server = await startMockPostmarkServer({
    serverTokens: [serverToken],
    accountTokens: [accountToken],
    senderSignatures: [{ email: 'noreply@acme.example' }],
  });
});
afterAll(() => server.close());

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runConnectorCli(postmarkCli, argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { POSTMARK_SERVER_TOKEN: serverToken, ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('postmark-connector', () => {
  it('check passes with both tokens from the environment and prints neither', async () => {
    const result = await run(
      ['check', '--from', 'noreply@acme.example', '--base-url', server.url],
      {
        POSTMARK_ACCOUNT_TOKEN: accountToken,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('noreply@acme.example is a confirmed sender signature');
    expect(`${result.stdout}${result.stderr}`).not.toContain(serverToken);
    expect(`${result.stdout}${result.stderr}`).not.toContain(accountToken);
  });

  it('check fails for a message stream the server does not have', async () => {
    const result = await run([
      'check',
      '--from',
      'noreply@acme.example',
      '--message-stream',
      'nope',
      '--base-url',
      server.url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/message stream/);
  });

  it('test sends one email', async () => {
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
    expect(server.mock.outbox().map((m) => m.to)).toEqual([['ada@example.com']]);
  });
});
