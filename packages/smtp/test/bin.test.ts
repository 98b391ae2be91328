// What the package runs from its build: the `smtp-connector` bin (bin/ → dist/cli.js) against
// the in-process SMTP mock. Needs `pnpm --filter @org/connector-smtp build` (turbo's test task
// builds first).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, beforeAll, expect, it } from 'vitest';

const packageDir = resolve(fileURLToPath(import.meta.url), '../..');
const binPath = join(packageDir, 'bin/smtp-connector.js');

function runBin(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise) => {
    execFile(
      process.execPath,
      [binPath, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

let relay: SmtpMock;
beforeAll(async () => {
  if (!existsSync(join(packageDir, 'dist/cli.js'))) {
    throw new Error('dist/cli.js is missing: run "pnpm --filter @org/connector-smtp build" first');
  }
  relay = await startSmtpMock({ tls: 'none' });
});
afterAll(() => relay.close());

it('the bin checks a relay and sends a test email through it', async () => {
  const env = { SMTP_HOST: relay.host, SMTP_PORT: String(relay.port) };
  const check = await runBin(['check', '--from', 'noreply@acme.example'], env);
  expect(check.stderr).toBe('');
  expect(check.stdout).toContain('Result: OK');
  expect(check.code).toBe(0);

  const sent = await runBin(
    ['test', '--to', 'ada@example.com', '--from', 'noreply@acme.example'],
    env,
  );
  expect(sent.code).toBe(0);
  expect(relay.messages().map((message) => message.to)).toEqual([['ada@example.com']]);
});

it('the bin exits 2 with usage on a bad command', async () => {
  const { code, stderr } = await runBin(['nope'], {});
  expect(code).toBe(2);
  expect(stderr).toContain('Unknown command "nope"');
});
