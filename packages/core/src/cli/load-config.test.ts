import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { hasConfigValue, nonBlank } from './config-values.js';
import { defaultCliTemplates } from './default-templates.js';
import { type ConfigSources, loadCliConfig } from './load-config.js';

let dir: string;
const templates = [{ usageType: 'Generic', subject: 'S', content: '{{code}}' }];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-cli-config-'));
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({ host: 'file.example', port: 2525, from: '', apiKey: 'from-file' }),
  );
  await writeFile(join(dir, 'list.json'), '[1]');
  await writeFile(join(dir, 'templates.json'), JSON.stringify(templates));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// An adapter like a provider's: ACME_* variables fill what the file leaves out.
const definition = {
  flags: {
    host: { configKey: 'host' },
    port: { configKey: 'port', toConfigValue: Number },
  },
  configFromEnv: (
    env: Readonly<Record<string, string | undefined>>,
    file: Readonly<Record<string, unknown>>,
  ) => {
    const config: Record<string, unknown> = {};
    for (const key of ['host', 'from', 'apiKey']) {
      const value = nonBlank(env[`ACME_${key.toUpperCase()}`]);
      if (!hasConfigValue(file, key) && value !== undefined) config[key] = value;
    }
    return config;
  },
  requiredConfig: [
    { key: 'host', message: 'No host.', hint: 'Pass --host.' },
    { key: 'from', message: 'No From address.' },
  ],
};

const load = (sources: Partial<ConfigSources>) =>
  loadCliConfig(definition, { flags: {}, env: {}, cwd: dir, ...sources });

describe('loadCliConfig', () => {
  it('takes flags over the file, and the file over the environment; blank file values count as absent', async () => {
    const config = await load({
      configPath: 'config.json',
      flags: { port: '587' },
      env: { ACME_HOST: 'env.example', ACME_FROM: 'env@acme.test', ACME_APIKEY: 'from-env' },
    });
    expect(config).toEqual({
      host: 'file.example',
      port: 587,
      from: 'env@acme.test',
      apiKey: 'from-file',
      templates: defaultCliTemplates,
    });
  });

  it('builds a config from the environment and flags alone, with --templates', async () => {
    const config = await load({
      flags: { host: 'flag.example' },
      env: { ACME_HOST: 'env.example', ACME_FROM: 'a@acme.test', ACME_APIKEY: '   ' },
      templatesPath: 'templates.json',
    });
    expect(config).toEqual({ host: 'flag.example', from: 'a@acme.test', templates });
  });

  it('keeps the templates of the config file', async () => {
    await writeFile(
      join(dir, 'with-templates.json'),
      JSON.stringify({ host: 'h', from: 'a@acme.test', templates }),
    );
    await expect(load({ configPath: 'with-templates.json' })).resolves.toMatchObject({ templates });
  });

  it('reports the first missing required field, in the order the provider gave', async () => {
    await expect(load({})).rejects.toEqual(new CliUsageError('No host.', 'Pass --host.'));
    await expect(load({ flags: { host: 'h' } })).rejects.toThrow('No From address.');
  });

  it('refuses a config file that is not a JSON object', async () => {
    const error = await load({ configPath: 'list.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toBe('The config file list.json must hold a JSON object.');
  });

  it('lets the environment adapter refuse a variable as a usage error', async () => {
    const strict = {
      ...definition,
      configFromEnv: () => {
        throw new CliUsageError('ACME_PORT must be a number.');
      },
    };
    await expect(loadCliConfig(strict, { flags: {}, env: {}, cwd: dir })).rejects.toThrow(
      'ACME_PORT must be a number.',
    );
  });
});

describe('hasConfigValue and nonBlank', () => {
  it('treat an empty config value and a blank variable as unset', () => {
    expect(hasConfigValue({ a: '', b: ' ', c: 0, d: false }, 'a')).toBe(false);
    expect(
      ['b', 'c', 'd', 'e'].map((key) => hasConfigValue({ b: ' ', c: 0, d: false }, key)),
    ).toEqual([true, true, true, false]);
    expect([undefined, '', '  ', ' x '].map(nonBlank)).toEqual([
      undefined,
      undefined,
      undefined,
      ' x ',
    ]);
  });
});
