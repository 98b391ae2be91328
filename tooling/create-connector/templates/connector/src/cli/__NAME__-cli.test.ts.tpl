import { runConnectorCli } from '@org/connector-core/cli';
import { type Mock__PASCAL__Server, startMock__PASCAL__Server } from '__MOCKPACKAGE__';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { __CAMEL__Cli } from './__NAME__-cli.js';

const apiKey = '__NAME__-cli-api-key-0123456789';
let server: Mock__PASCAL__Server;
beforeAll(async () => {
  server = await startMock__PASCAL__Server({ apiKeys: [apiKey] });
});
afterAll(() => server.close());

async function run(argv: string[], env: Record<string, string> = { __UPPER___API_KEY: apiKey }) {
  let stdout = '';
  let stderr = '';
  const code = await runConnectorCli(__CAMEL__Cli, argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('__NAME__-connector', () => {
  it('--help names the bin and the environment variable', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: __NAME__-connector <command> \[options\]/);
    expect(result.stdout).toContain('__UPPER___API_KEY');
  });

  it('refuses to send without a From address (exit 2)', async () => {
    const result = await run(['test', '--to', 'ada@example.com', '--base-url', server.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No From address');
  });

  it('test sends one email through the mock server and prints neither the key nor the code', async () => {
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
    expect(result.code, result.stderr).toBe(0);
    const [email] = server.mock.outbox();
    expect(email?.to).toEqual(['ada@example.com']);
    const code = /\d{6}/.exec(email?.text ?? '')?.[0];
    expect(code).toBeDefined();
    expect(`${result.stdout}${result.stderr}`).not.toContain(code!);
    expect(`${result.stdout}${result.stderr}`).not.toContain(apiKey);
  });
});
