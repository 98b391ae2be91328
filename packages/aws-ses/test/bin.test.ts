// What the package runs from its build: the `ses-connector` bin (dist/cli.js) against the
// standalone mock server, and `pnpm demo` end to end. One file on purpose: `pnpm demo` rebuilds
// through turbo, which must not rewrite dist/ while a CLI test in another worker runs it.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from './fixtures.js';

const packageDir = resolve(fileURLToPath(import.meta.url), '../..');
const repoRoot = resolve(packageDir, '../..');
const cliPath = join(packageDir, 'dist/cli.js');
const execFileAsync = promisify(execFile);

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

// Only what the CLI needs: no AWS variables of the machine running the tests leak in.
const baseEnv = {
  PATH: process.env.PATH ?? '',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config',
};

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { env: { ...baseEnv, ...env }, cwd: workDir, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

let server: MockSesServer;
let workDir: string;
let configPath: string;

beforeAll(async () => {
  if (!existsSync(cliPath)) {
    throw new Error(
      `${cliPath} is missing: run "pnpm --filter @org/connector-aws-ses build" first`,
    );
  }
  server = await startMockSesServer({ port: 0, identities: ['acme.test'] });
  workDir = await mkdtemp(join(tmpdir(), 'ses-cli-'));
  configPath = join(workDir, 'ses.config.json');
  await writeFile(
    configPath,
    JSON.stringify({
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'Acme <noreply@acme.test>',
      endpoint: server.url,
      templates,
    }),
  );
});

afterEach(() => {
  server.mock.reset();
});

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function expectNoSecrets(run: CliRun, ...more: string[]) {
  for (const text of [fakeCredentials.accessKeySecret, ...more]) {
    expect(run.stdout).not.toContain(text);
    expect(run.stderr).not.toContain(text);
  }
}

describe('ses-connector check', () => {
  it('prints a readable check table and exits 0', async () => {
    const run = await runCli(['check', '--config', configPath]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Amazon SES preflight (region us-east-1, sender Acme <noreply@acme.test>',
    );
    expect(run.stdout).toMatch(/STATUS\s+CHECK\s+DETAIL/);
    expect(run.stdout).toMatch(/PASS\s+account\s+Sending is enabled/);
    expect(run.stdout).toMatch(/PASS\s+sender identity\s+The domain acme\.test is verified/);
    expect(run.stdout).toContain('Result: OK');
    expect(server.mock.outbox.size).toBe(0);
    expectNoSecrets(run);
  });

  it('prints the report as JSON with --json, and exits 1 when a check fails', async () => {
    server.mock.account.sendingEnabled = false;
    const run = await runCli(['check', '--config', configPath, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c: { name: string }) => c.name === 'account')).toMatchObject({
      status: 'fail',
    });
  });
});

describe('ses-connector send', () => {
  it('sends one email and prints its ids, never the code', async () => {
    const run = await runCli([
      'send',
      '--config',
      configPath,
      '--to',
      'ada@example.com',
      '--type',
      'SignIn',
      '--code',
      '864209',
    ]);
    expect(run.code).toBe(0);
    const sent = server.mock.outbox.last();
    expect(sent).toMatchObject({ to: ['ada@example.com'], subject: 'Sign in to Acme' });
    expect(sent?.html).toContain('864209');
    expect(run.stdout).toContain('Sent a SignIn email to ada@example.com');
    expect(run.stdout).toContain(sent?.messageId);
    expect(run.stdout).toContain('code       ******');
    expectNoSecrets(run, '864209');
  });

  it('takes --locale and --payload, and prints JSON with --json', async () => {
    const run = await runCli([
      'send',
      '--config',
      configPath,
      '--to',
      'ada@example.com',
      '--type',
      'SignIn',
      '--locale',
      'de',
      '--payload',
      '{"code":"531975"}',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    const sent = server.mock.outbox.last();
    expect(sent?.subject).toBe('Anmeldung bei Acme');
    expect(output).toEqual({
      ok: true,
      result: {
        messageId: sent?.messageId,
        provider: 'aws-ses',
        requestId: sent?.requestId,
        attempts: 1,
      },
    });
    expectNoSecrets(run, '531975');
  });

  it('prints the error code and hint and exits 1 when SES refuses', async () => {
    server.mock.account.sandbox = true;
    const run = await runCli([
      'send',
      '--config',
      configPath,
      '--to',
      'stranger@example.com',
      '--type',
      'SignIn',
      '--code',
      '112358',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error [message_rejected]');
    expect(run.stderr).toMatch(
      /hint: The recipient stranger@example\.com is not a verified identity/,
    );
    expect(run.stderr).toMatch(
      /SES error MessageRejected, request id \S+, 1 attempt, retryable: no/,
    );
    expectNoSecrets(run, '112358');

    const json = await runCli([
      'send',
      '--config',
      configPath,
      '--to',
      'stranger@example.com',
      '--type',
      'SignIn',
      '--code',
      '112358',
      '--json',
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'message_rejected', providerCode: 'MessageRejected', retryable: false },
    });
  });

  it('builds the config from AWS environment variables, --from and default templates', async () => {
    const run = await runCli(
      [
        'send',
        '--from',
        'Acme Env <env@acme.test>',
        '--to',
        'ada@example.com',
        '--type',
        'Generic',
        '--code',
        '999000',
      ],
      {
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: fakeCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: fakeCredentials.accessKeySecret,
        AWS_ENDPOINT_URL_SESV2: server.url,
      },
    );
    expect(run.code).toBe(0);
    expect(server.mock.outbox.last()).toMatchObject({
      from: 'Acme Env <env@acme.test>',
      subject: 'Your verification code',
    });
    expectNoSecrets(run, '999000');
  });
});

describe('ses-connector test', () => {
  it('sends the Generic template with a random six-digit code it does not print', async () => {
    const run = await runCli(['test', '--config', configPath, '--to', 'ada@example.com']);
    expect(run.code).toBe(0);
    const sent = server.mock.outbox.last();
    expect(sent?.subject).toBe('Your Acme code');
    const code = /Code: (\d{6})/.exec(sent?.html ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(run.stdout).toContain('Sent a test email (Generic template) to ada@example.com');
    expectNoSecrets(run, code ?? 'no code found');
  });
});

describe('bad usage and bad config exit 2', () => {
  it('names every invalid config field without printing secrets', async () => {
    const badConfig = join(workDir, 'bad.json');
    await writeFile(
      badConfig,
      JSON.stringify({
        accessKeySecret: fakeCredentials.accessKeySecret,
        region: 'Mars-1',
        emailAddress: 'nope',
        templates,
      }),
    );
    const run = await runCli(['check', '--config', badConfig]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Error [invalid_config]');
    expect(run.stderr).toMatch(/accessKeyId: required when accessKeySecret is set/);
    expect(run.stderr).toMatch(/region: must be an AWS region/);
    expect(run.stderr).toMatch(/emailAddress: /);
    expectNoSecrets(run);

    const json = await runCli(['check', '--config', badConfig, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_config' } });
  });

  it('does not quote a config file that is not valid JSON', async () => {
    const broken = join(workDir, 'broken.json');
    await writeFile(broken, `{"accessKeySecret": "${fakeCredentials.accessKeySecret}",,}`);
    const run = await runCli(['check', '--config', broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not valid JSON at line 1');
    expectNoSecrets(run);
  });

  it.each([
    [['send', '--config', 'x.json', '--type', 'SignIn'], /--to is required/],
    [['send', '--to', 'a@b.co', '--type', 'Nope'], /--type Nope is not a usage type/],
    [['deploy'], /Unknown command "deploy"/],
    [['check', '--verbose'], /Unknown option '--verbose'/],
    [['check', '--to', 'a@b.co'], /--to is not an option of "check"/],
    [['check'], /No From address/],
  ])('rejects %j', async (args, message) => {
    const run = await runCli(args, { AWS_REGION: 'us-east-1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('prints help for each command and exits 0', async () => {
    for (const command of ['check', 'send', 'test']) {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: ses-connector ${command}`);
    }
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/Commands:\s+check/);
  });
});

// The CLI's half of the secrets audit (test/canary.test.ts has the library's): here, because it
// runs the built bin, which `pnpm demo` below rebuilds.
describe('secrets canary: the CLI prints no secret and no code', () => {
  const canary = {
    secret: `CANARY-SECRET-${randomUUID()}`,
    token: `CANARY-TOKEN-${randomUUID()}`,
    code: `CANARY-CODE-${randomUUID()}`,
    wrongSecret: `CANARY-WRONG-SECRET-${randomUUID()}`,
  };
  const accessKeyId = 'AKIACANARYEXAMPLE000';
  let canaryServer: MockSesServer;
  let canaryConfig: string;

  beforeAll(async () => {
    // Signature checks on: only requests signed with the canary secret and token get through.
    canaryServer = await startMockSesServer({
      port: 0,
      identities: ['acme.test'],
      credentials: { accessKeyId, secretAccessKey: canary.secret, sessionToken: canary.token },
    });
    canaryConfig = join(workDir, 'canary.config.json');
    await writeFile(
      canaryConfig,
      JSON.stringify({
        accessKeyId,
        accessKeySecret: canary.secret,
        sessionToken: canary.token,
        region: 'us-east-1',
        emailAddress: 'Acme <noreply@acme.test>',
        endpoint: canaryServer.url,
        templates,
      }),
    );
  });
  afterEach(() => canaryServer.mock.reset());
  afterAll(async () => {
    await canaryServer?.close();
  });

  function expectNoCanary(run: CliRun, ...more: string[]) {
    for (const value of [...Object.values(canary), ...more]) {
      expect(run.stdout).not.toContain(value);
      expect(run.stderr).not.toContain(value);
    }
  }

  const send = (...extra: string[]) => [
    'send',
    '--to',
    'ada@example.com',
    '--type',
    'SignIn',
    '--code',
    canary.code,
    ...extra,
  ];

  it('with the secrets in the config file: check, send, test and failed sends', async () => {
    const runs: CliRun[] = [];
    runs.push(await runCli(['check', '--config', canaryConfig]));
    runs.push(await runCli(['check', '--config', canaryConfig, '--json']));
    runs.push(await runCli(send('--config', canaryConfig)));
    runs.push(await runCli(send('--config', canaryConfig, '--json')));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0]);
    // The code went out (signed with the canaries), and was never printed.
    expect(canaryServer.mock.outbox.last()?.html).toContain(canary.code);

    const test = await runCli(['test', '--config', canaryConfig, '--to', 'ada@example.com']);
    expect(test.code).toBe(0);
    const code = /Code: (\d{6})/.exec(canaryServer.mock.outbox.last()?.html ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expectNoCanary(test, code ?? 'no code found');

    for (const [fault, code] of [
      ['MessageRejected', 'message_rejected'],
      ['internal_error', 'provider_unavailable'],
      ['network_error', 'provider_unavailable'],
    ] as const) {
      for (const json of [false, true]) {
        // Every attempt of the run fails (3 by default), and nothing is left for the next run.
        canaryServer.mock.faults.clear();
        canaryServer.mock.faults.next(fault, { times: 3 });
        const failed = await runCli(send('--config', canaryConfig, ...(json ? ['--json'] : [])));
        expect(failed.code).toBe(1);
        expect(json ? failed.stdout : failed.stderr).toContain(code);
        runs.push(failed);
      }
    }
    for (const run of runs) expectNoCanary(run);
  });

  it('with the secrets in the environment', async () => {
    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: canary.secret,
      AWS_SESSION_TOKEN: canary.token,
      AWS_ENDPOINT_URL_SESV2: canaryServer.url,
    };
    const sent = await runCli(send('--from', 'Acme <noreply@acme.test>'), env);
    expect(sent.code).toBe(0);
    expectNoCanary(sent);
    const checked = await runCli(['check', '--from', 'Acme <noreply@acme.test>'], env);
    expect(checked.code).toBe(0);
    expectNoCanary(checked);
  });

  it('with a bad config holding the secrets', async () => {
    const bad = join(workDir, 'canary-bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        accessKeySecret: canary.secret,
        sessionToken: canary.token,
        region: 'Mars-1',
        emailAddress: canary.secret,
        templates,
      }),
    );
    for (const args of [send('--config', bad), send('--config', bad, '--json')]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expectNoCanary(run);
    }
  });

  it('with a wrong secret: authorization_failed after one attempt, no retry storm', async () => {
    const run = await runCli(send('--from', 'Acme <noreply@acme.test>'), {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: canary.wrongSecret,
      AWS_SESSION_TOKEN: canary.token,
      AWS_ENDPOINT_URL_SESV2: canaryServer.url,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error [authorization_failed]');
    expect(canaryServer.mock.requests.operations('SendEmail').map((e) => e.attempt)).toEqual([1]);
    expectNoCanary(run);
  });
});

// What a serverless cold start loads: zod (~50 ms) waits for the first connector or parse.
// zod marks its own load on globalThis (`__zod_globalConfig`, set by zod/v4/core).
describe('importing the build', () => {
  const probe = (load: string) => `
    (async () => {
      const ses = ${load};
      const loaded = () => '__zod_globalConfig' in globalThis;
      const onImport = loaded();
      const secretItems = ses.createAwsSesConnector.metadata.formItems.filter((i) => i.secret).length;
      console.log(JSON.stringify({ onImport, onMetadata: loaded(), secretItems }));
    })().catch((error) => { console.error(error); process.exit(1); });`;

  for (const [format, load] of [
    [
      'ESM',
      `await import(${JSON.stringify(pathToFileURL(join(packageDir, 'dist/index.js')).href)})`,
    ],
    ['CJS', `require(${JSON.stringify(join(packageDir, 'dist/index.cjs'))})`],
  ] as const) {
    it(`loads no zod until the metadata or a connector needs the schema (${format})`, async () => {
      const { stdout } = await execFileAsync(process.execPath, ['-e', probe(load)], {
        cwd: packageDir,
        timeout: 30_000,
      });
      expect(JSON.parse(stdout)).toEqual({
        onImport: false,
        onMetadata: true,
        secretItems: 2,
      });
    });
  }
});

describe('pnpm demo', () => {
  function run(command: string, args: string[], cwd: string): Promise<CliRun> {
    return new Promise((resolvePromise) => {
      execFile(
        command,
        args,
        { cwd, env: { ...process.env, ...baseEnv, FORCE_COLOR: '0' }, timeout: 240_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolvePromise({ code, stdout, stderr });
        },
      );
    });
  }

  it('builds, checks, sends through the mock and prints the table and the outbox address', async () => {
    const demo = await run('pnpm', ['demo'], repoRoot);
    expect(demo.stderr).not.toMatch(/Demo failed/);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/check\(\): OK/);
    expect(demo.stdout).toMatch(/Sent 5 emails:\n\s+TYPE\s+RECIPIENT\s+SUBJECT\s+MESSAGE ID\s+MS/);
    for (const type of ['Register', 'SignIn', 'ForgotPassword', 'Generic', 'SignIn \\(de\\)']) {
      // A row: type, recipient, the subject the outbox recorded, message id, milliseconds.
      expect(demo.stdout).toMatch(
        new RegExp(`\\n\\s+${type}\\s+\\S+@\\S+\\s+.+\\s+[\\w-]{20,}\\s+\\d+\\n`),
      );
    }
    expect(demo.stdout).not.toContain('(not in the outbox)');
    expect(demo.stdout).toMatch(/Outbox page: http:\/\/127\.0\.0\.1:\d+\//);
    expectNoSecrets(demo);
  }, 240_000);

  it('reports what reached the outbox as JSON with --json', async () => {
    // The build is done above; run the script directly.
    const demo = await run(process.execPath, ['scripts/demo.mjs', '--json'], packageDir);
    expect(demo.code).toBe(0);
    const report = JSON.parse(demo.stdout);
    expect(report.check.ok).toBe(true);
    expect(report.outboxSize).toBe(5);
    expect(report.sends.map((s: { type: string }) => s.type)).toEqual([
      'Register',
      'SignIn',
      'ForgotPassword',
      'Generic',
      'SignIn',
    ]);
  });
});
