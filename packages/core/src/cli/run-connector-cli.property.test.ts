import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fuzzCli } from '../../test/cli-fuzz.js';
import { bareMetadata } from '../../test/fixtures.js';
import { mailboxField } from '../config-fields.js';
import { defineEmailConnector } from '../define-email-connector.js';
import { secret } from '../secrets.js';
import { templatesSchema } from '../template.js';
import type { ConnectorCliDefinition } from './connector-cli-definition.js';
import { runConnectorCli } from './run-connector-cli.js';

const apiKey = 'ak_live_5d4c3b2a1f0e9d8cSECRET';
const numRuns = process.env.CI ? 1000 : 150;

const createConnector = defineEmailConnector({
  metadata: bareMetadata('fuzz'),
  configSchema: z.object({
    apiKey: secret(z.string().min(8)),
    from: mailboxField('noreply@acme.test'),
    templates: templatesSchema,
  }),
  sender: (config) => config.from,
  createTransport: () => ({ send: async () => ({ messageId: 'm-1' }) }),
});

const definition: ConnectorCliDefinition = {
  bin: 'fuzz-connector',
  providerName: 'Fuzz',
  createConnector,
  flags: { from: { configKey: 'from' } },
  configFromEnv: (env) => ({ apiKey: env.FUZZ_API_KEY, from: env.FUZZ_FROM }),
  providerCodeLabel: 'Fuzz error',
  help: {
    description: 'Fuzz connector CLI.',
    checkSummary: 'Preflight.',
    checkDescription: 'None.',
    config: '  FUZZ_API_KEY             The API key',
  },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-cli-fuzz-'));
  await writeFile(join(dir, 'config.json'), JSON.stringify({ from: 'Acme <noreply@acme.test>' }));
  await writeFile(
    join(dir, 'deep.json'),
    `{"from":"a@b.test","templates":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runConnectorCli on any command line', () => {
  it('exits 0, 1 or 2 with a message, never throws, and never prints the key or the code', async () => {
    const exits = await fuzzCli({
      run: (argv, io) => runConnectorCli(definition, argv, io),
      cwd: dir,
      env: { FUZZ_API_KEY: apiKey, FUZZ_FROM: 'Acme <noreply@acme.test>' },
      secrets: [apiKey],
      extraTokens: ['--from', 'config.json', 'deep.json'],
      numRuns,
    });
    // The runs reached the connector, not only the argument parser.
    expect(exits).toContain(0);
  });
});
