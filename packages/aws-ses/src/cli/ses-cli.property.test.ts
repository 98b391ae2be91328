import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConnectorCli } from '@org/connector-core/cli';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The shared CLI fuzz of core's tests (test-only; not part of any package's API).
import { fuzzCli } from '../../../core/test/cli-fuzz.js';
import { fakeCredentials, templates } from '../../test/fixtures.js';
import { sesCli } from './ses-cli.js';

const numRuns = process.env.CI ? 300 : 60;

let server: MockSesServer;
let dir: string;
beforeAll(async () => {
  server = await startMockSesServer({ port: 0, identities: ['acme.test'] });
  dir = await mkdtemp(join(tmpdir(), 'ses-cli-fuzz-'));
  // Every config names the mock as its endpoint and carries keys: no run can reach AWS or the
  // default credential chain (a run without --config stops at "No region").
  const config = {
    ...fakeCredentials,
    region: 'us-east-1',
    emailAddress: 'Acme <noreply@acme.test>',
    endpoint: server.url,
    maxAttempts: 1,
    templates,
  };
  await writeFile(join(dir, 'ses.json'), JSON.stringify(config));
  await writeFile(
    join(dir, 'no-from.json'),
    JSON.stringify({ ...config, emailAddress: undefined }),
  );
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ses-connector on any command line', () => {
  it('exits 0, 1 or 2 and never prints the secret key or the code', async () => {
    const exits = await fuzzCli({
      run: (argv, io) => runConnectorCli(sesCli, argv, io),
      cwd: dir,
      env: {},
      secrets: [fakeCredentials.accessKeySecret],
      extraTokens: ['--from', '--config', 'ses.json', '--config', 'no-from.json'],
      numRuns,
    });
    expect(exits).toContain(0);
    expect(exits).toContain(2);
  });
});
