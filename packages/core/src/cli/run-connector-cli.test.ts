import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error.js';
import type { CheckReport, EmailConnector } from '../contract.js';
import {
  createMemoryConnector,
  createMemoryProvider,
  type MemoryConnectorOptions,
} from '../testing/index.js';
import { CliUsageError } from './cli-usage-error.js';
import { hasConfigValue, nonBlank } from './config-values.js';
import type { ConnectorCliDefinition } from './connector-cli-definition.js';
import { cliExitCodes, runConnectorCli } from './run-connector-cli.js';

const templates = ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
  usageType,
  subject: `${usageType} code`,
  content: '<p>Code: {{code}}</p>',
}));

/** A provider adapter around the memory connector, the way a real provider writes one. */
function memoryCli(overrides: Partial<ConnectorCliDefinition> = {}) {
  const provider = createMemoryProvider();
  const connectors: EmailConnector[] = [];
  const definition: ConnectorCliDefinition = {
    bin: 'memory-connector',
    providerName: 'Memory',
    createConnector: (config) => {
      const connector = createMemoryConnector({ ...(config as MemoryConnectorOptions), provider });
      connectors.push(connector);
      return connector;
    },
    flags: { from: { configKey: 'from' } },
    configFromEnv: (env, file) => {
      const from = nonBlank(env.MEMORY_FROM);
      if (env.MEMORY_FROM === 'broken') throw new CliUsageError('MEMORY_FROM is broken.');
      return !hasConfigValue(file, 'from') && from !== undefined ? { from } : {};
    },
    requiredConfig: [{ key: 'from', message: 'No From address.', hint: 'Pass --from.' }],
    describeTarget: (config) => `sender ${String(config.from)}`,
    providerCodeLabel: 'Memory error',
    help: {
      description: 'Memory connector CLI.',
      checkSummary: 'Preflight. Sends nothing.',
      checkDescription: 'Always passes.',
      config: '  MEMORY_FROM              The From address',
    },
    ...overrides,
  };
  return { definition, provider, connectors };
}

async function run(
  definition: ConnectorCliDefinition,
  argv: string[],
  env: Record<string, string> = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await runConnectorCli(definition, argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { MEMORY_FROM: 'Acme <noreply@acme.test>', ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('runConnectorCli send and test', () => {
  it('sends one email with the default templates, printing its ids but never the code', async () => {
    const { definition, provider, connectors } = memoryCli();
    const argv = 'send --to ada@example.com --type SignIn --code 482913 --locale de'.split(' ');
    const result = await run(definition, argv);
    expect(result.code).toBe(cliExitCodes.ok);
    const sent = provider.last();
    expect(sent?.to[0]?.address).toBe('ada@example.com');
    expect(sent?.subject).toBe('Your sign-in code');
    expect(sent?.text).toContain('482913');
    expect(result.stdout).toMatch(
      new RegExp(
        `^Sent a SignIn email to ada@example\\.com\n {2}message id ${sent?.messageId}\n {2}request id \\S+\n {2}attempts {3}1\n {2}locale {5}de\n {2}code {7}\\*{6}\n$`,
      ),
    );
    expect(result.stdout + result.stderr).not.toContain('482913');
    expect(connectors.every((connector) => connector.closed)).toBe(true);
  });

  it('prints the result as JSON with --json', async () => {
    const { definition, provider } = memoryCli();
    const result = await run(definition, ['test', '--to', 'ada@example.com', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      result: {
        messageId: provider.last()?.messageId,
        provider: 'memory',
        requestId: expect.any(String),
        attempts: 1,
      },
    });
    const code = /\b(\d{6})\b/.exec(provider.last()?.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(result.stdout).not.toContain(code);
  });

  it('takes --templates and the flags over the environment', async () => {
    const { definition, provider } = memoryCli();
    const dir = await mkdtemp(join(tmpdir(), 'core-cli-run-'));
    try {
      await writeFile(join(dir, 't.json'), JSON.stringify(templates));
      const result = await run(definition, [
        'test',
        '--to',
        'ada@example.com',
        '--templates',
        join(dir, 't.json'),
        '--from',
        'Flag <flag@acme.test>',
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Sent a test email (Generic template) to ada@example.com');
      expect(result.stdout).toContain('code       ****** (a random six-digit code, not shown)');
      expect(provider.last()).toMatchObject({
        subject: 'Generic code',
        from: { address: 'flag@acme.test' },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a provider failure with its code and hint, exit 1, as text or JSON', async () => {
    const { definition, provider } = memoryCli();
    const args = ['send', '--to', 'ada@example.com', '--type', 'SignIn', '--code', '111222'];
    provider.failNext('message_rejected');
    const text = await run(definition, args);
    expect(text.code).toBe(cliExitCodes.failed);
    expect(text.stderr).toMatch(
      /^Error \[message_rejected\]: .+\n {2}hint: .+\n {2}.*retryable: no\n$/,
    );
    expect(text.stderr).not.toContain('111222');

    provider.failNext('rate_limit_exceeded');
    const json = await run(definition, [...args, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'rate_limit_exceeded', retryable: true },
    });
  });

  it('exits 2 on a config the connector refuses, naming the field', async () => {
    const { definition } = memoryCli();
    const result = await run(definition, [
      'test',
      '--to',
      'ada@example.com',
      '--templates',
      '/dev/null',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/templates file \/dev\/null is not a regular file/);
    const invalid = await run(memoryCli({ requiredConfig: [] }).definition, ['check', '--json'], {
      MEMORY_FROM: '',
    });
    expect(invalid.code).toBe(cliExitCodes.usage);
    expect(JSON.parse(invalid.stdout)).toMatchObject({
      ok: false,
      error: { code: 'invalid_config' },
    });
  });
});

describe('runConnectorCli check', () => {
  const report: CheckReport = {
    ok: false,
    checks: [
      { name: 'account', status: 'pass', detail: 'Fine.' },
      { name: 'sender', status: 'fail', detail: 'Not verified.', hint: 'Verify it.' },
    ],
  };
  function withCheck(check: EmailConnector['check']) {
    const { definition } = memoryCli();
    return {
      ...definition,
      createConnector: (config: unknown) =>
        Object.assign(Object.create(definition.createConnector(config)) as EmailConnector, {
          check,
        }),
    };
  }

  it('prints the provider heading and the table, exit 0 when nothing failed', async () => {
    const { definition } = memoryCli();
    const result = await run(definition, ['check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Memory preflight \(sender Acme <noreply@acme\.test>\)\n\n {2}STATUS/,
    );
    expect(result.stdout).toContain('Result: OK');
  });

  it('exits 1 when a check fails, with the report as JSON under --json', async () => {
    const definition = withCheck(async () => report);
    const text = await run(definition, ['check']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  FAIL    sender   Not verified.');
    const json = await run(definition, ['check', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(report);
  });

  it('is a usage error for a connector without a preflight', async () => {
    const result = await run(withCheck(undefined), ['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: The Memory connector has no preflight check.');
    expect(result.stderr).toContain(
      'hint: Send a test email instead: memory-connector test --to <address>',
    );
  });
});

describe('runConnectorCli usage', () => {
  const { definition } = memoryCli();

  it.each([
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['check', 'extra'], 'Unexpected argument "extra".'],
    [['check', '--to', 'ada@example.com'], '--to is not an option of "check".'],
    [['test', '--type', 'SignIn', '--to', 'a@b.co'], '--type is not an option of "test".'],
    [['check', '--verbose'], "Unknown option '--verbose'"],
    [['send', '--to', 'ada@example.com'], '--type is required.'],
    [['check', '--from', ''], 'No From address.'],
  ])('%j exits 2: %s', async (argv, message) => {
    const result = await run(definition, argv, { MEMORY_FROM: '' });
    expect(result.code).toBe(cliExitCodes.usage);
    expect(result.stderr).toContain(`Error: ${message}`);
    expect(result.stderr).toMatch(/Run "memory-connector --help" for usage\.\n$/);
    expect(result.stdout).toBe('');
  });

  it('reports usage errors as JSON on stdout with --json, even when the arguments do not parse', async () => {
    for (const argv of [
      ['check', '--verbose', '--json'],
      ['nope', '--json'],
    ]) {
      const result = await run(definition, argv);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
      expect(result.stderr).toBe('');
    }
  });

  it('reports an environment variable the adapter refuses', async () => {
    const result = await run(definition, ['check'], { MEMORY_FROM: 'broken' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: MEMORY_FROM is broken.');
  });

  it('prints help: exit 0 when asked for, 2 without a command', async () => {
    const bare = await run(definition, []);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toMatch(
      /^Usage: memory-connector <command> \[options\]\n\nMemory connector CLI\./,
    );
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const result = await run(definition, argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(bare.stdout);
    }
    for (const argv of [
      ['send', '--help'],
      ['help', 'send'],
    ]) {
      const result = await run(definition, argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: memory-connector send --to <address>/);
    }
  });

  it('refuses a provider flag that shadows a shared option', async () => {
    const clash = memoryCli({ flags: { to: { configKey: 'from' } } }).definition;
    await expect(run(clash, ['check'])).rejects.toThrow(ConnectorError);
  });
});
