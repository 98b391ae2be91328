import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The shared CLI fuzz of core's tests (test-only; not part of any package's API).
import { fuzzCli } from '../../../core/test/cli-fuzz.js';
import { credentials } from '../../test/fixtures.js';
import { runCli } from './run-cli.js';

const numRuns = process.env.CI ? 300 : 60;

let relay: SmtpMock;
let dir: string;
beforeAll(async () => {
  relay = await startSmtpMock({ tls: 'none', auth: credentials });
  dir = await mkdtemp(join(tmpdir(), 'smtp-cli-fuzz-'));
  // Every config names the local mock: no run resolves or reaches another host (the fuzz has
  // no --host token, and the environment has no SMTP_HOST).
  await writeFile(
    join(dir, 'smtp.json'),
    JSON.stringify({
      host: relay.host,
      port: relay.port,
      auth: credentials,
      fromEmail: 'Acme <noreply@acme.example>',
      maxAttempts: 1,
    }),
  );
});
afterAll(async () => {
  await relay?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('smtp-connector on any command line', () => {
  it('exits 0, 1 or 2 and never prints the password or the code', async () => {
    const exits = await fuzzCli({
      run: runCli,
      cwd: dir,
      env: {},
      secrets: [credentials.pass],
      extraTokens: ['--from', '--config', 'smtp.json', '--port', String(relay.port)],
      numRuns,
    });
    expect(exits).toContain(0);
    expect(exits).toContain(2);
  });
});
