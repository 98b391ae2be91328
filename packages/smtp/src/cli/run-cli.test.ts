import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { credentials } from '../../test/fixtures.js';
import { runCli } from './run-cli.js';

let relay: SmtpMock;
let secured: SmtpMock;
let workDir: string;
let securedConfigPath: string;

beforeAll(async () => {
  relay = await startSmtpMock({ tls: 'none' });
  secured = await startSmtpMock({ auth: credentials });
  workDir = await mkdtemp(join(tmpdir(), 'smtp-cli-'));
  securedConfigPath = join(workDir, 'smtp.config.json');
  await writeFile(
    securedConfigPath,
    JSON.stringify({
      host: secured.host,
      port: secured.port,
      requireTLS: true,
      tls: { ca: secured.certificate, servername: 'localhost' },
      auth: credentials,
      fromEmail: 'Acme <noreply@acme.example>',
    }),
  );
});
afterAll(async () => {
  await Promise.all([relay.close(), secured.close()]);
  await rm(workDir, { recursive: true, force: true });
});
beforeEach(() => {
  relay.reset();
  secured.reset();
});

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    cwd: workDir,
  });
  return { code, stdout, stderr };
}

const relayFlags = () => ['--port', String(relay.port), '--from', 'Acme <noreply@acme.example>'];

describe('smtp-connector check', () => {
  it('reports each step of a STARTTLS + AUTH server and exits 0, sending nothing', async () => {
    const { code, stdout } = await run(['check', '--config', securedConfigPath]);
    expect(code).toBe(0);
    expect(stdout).toContain(`SMTP preflight (127.0.0.1:${secured.port}, STARTTLS required`);
    expect(stdout).toMatch(/PASS {4}tls +STARTTLS with TLSv1\.[23]/);
    expect(stdout).toMatch(/PASS {4}auth +Logged in as app\./);
    expect(stdout).toContain('Result: OK');
    expect(stdout).not.toContain(credentials.pass);
    expect(secured.messages()).toHaveLength(0);
  });

  it('exits 1 naming the failed step, as JSON with --json, without the password', async () => {
    const wrongPath = join(workDir, 'wrong-password.json');
    const config = JSON.parse(await readFile(securedConfigPath, 'utf8')) as Record<string, unknown>;
    await writeFile(
      wrongPath,
      JSON.stringify({ ...config, auth: { user: 'app', pass: 'wrong-password-1234' } }),
    );
    const { code, stdout } = await run(['check', '--config', wrongPath, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      checks: { name: string; status: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.checks.map((item) => `${item.name}:${item.status}`)).toEqual([
      'connection:pass',
      'tls:pass',
      'auth:fail',
    ]);
    expect(stdout).not.toContain('wrong-password-1234');
  });

  it('takes host, port and login from SMTP_* variables', async () => {
    const { code, stdout } = await run(['check', '--from', 'a@acme.example', '--json'], {
      SMTP_HOST: relay.host,
      SMTP_PORT: String(relay.port),
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { ok: boolean }).ok).toBe(true);
  });
});

describe('smtp-connector send and test', () => {
  it('sends one email and never prints the code', async () => {
    const { code, stdout } = await run(
      ['send', '--to', 'ada@example.com', '--type', 'SignIn', '--code', '654321', ...relayFlags()],
      { SMTP_HOST: '127.0.0.1' },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Sent a SignIn email to ada@example\.com\n {2}message id <.+@acme\.example>\n {2}request id [0-9A-F]+\n {2}attempts {3}1\n {2}code {7}\*{6}\n$/,
    );
    expect(stdout).not.toContain('654321');
    expect(relay.messages()[0]?.text).toContain('654321');
  });

  it('sends the Generic test email with a random code', async () => {
    const { code, stdout } = await run([
      'test',
      '--to',
      'ada@example.com',
      '--host',
      '127.0.0.1',
      ...relayFlags(),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Sent a test email (Generic template) to ada@example.com');
    expect(relay.messages()[0]?.text).toMatch(/\b\d{6}\b/);
  });

  it('reports a refused send with its code, hint and SMTP reply, exit 1', async () => {
    relay.fault({ kind: 'reply', stage: 'RCPT', code: 550, message: '5.1.1 User unknown' });
    const { code, stderr } = await run([
      'send',
      '--to',
      'nobody@example.com',
      '--type',
      'SignIn',
      '--code',
      '111111',
      '--host',
      '127.0.0.1',
      ...relayFlags(),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Error \[message_rejected\]: The SMTP server 127\.0\.0\.1:\d+ rejected the recipient \(RCPT TO\)/,
    );
    expect(stderr).toContain('SMTP 550 5.1.1, 1 attempt, retryable: no');
    expect(stderr).not.toContain('111111');
  });
});

describe('smtp-connector usage errors (exit 2, nothing reached)', () => {
  it.each([
    [['send', '--to', 'ada@example.com', '--host', 'x'], /--type is required/],
    [['check', '--to', 'ada@example.com'], /--to is not an option of "check"/],
    [['check', '--from', 'a@acme.example'], /No SMTP host/],
    [['check', '--host', '127.0.0.1'], /No From address/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 for an invalid config, naming the field', async () => {
    const { code, stderr } = await run([
      'check',
      '--host',
      '127.0.0.1',
      '--port',
      'abc',
      '--from',
      'a@acme.example',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Error \[invalid_config\][\s\S]*port/);
  });

  it('refuses half a login from the environment', async () => {
    const { code, stderr } = await run(
      ['check', '--host', '127.0.0.1', '--from', 'a@acme.example'],
      {
        SMTP_USER: 'app',
      },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/SMTP_USER and SMTP_PASS go together/);
  });

  it('prints the help with --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: smtp-connector <command>/);
  });
});
