import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sesClientFor, simpleEmail } from './server/test-ses-client.js';

const bin = fileURLToPath(new URL('../bin/mock-ses.js', import.meta.url));
const builtCli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: Run[] = [];

function run(args: string[]): Run {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const result = { child, stdout: () => stdout, stderr: () => stderr, exit };
  running.push(result);
  return result;
}

/** Resolves with the first stdout match, or fails with what the process said instead. */
function waitForOutput(runResult: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = runResult.stdout().match(pattern);
      if (match) {
        runResult.child.stdout.off('data', check);
        resolve(match);
      }
    };
    runResult.child.stdout.on('data', check);
    runResult.exit.then(({ code }) =>
      reject(
        new Error(
          `mock-ses exited (${code}) before printing ${pattern}:\n${runResult.stdout()}${runResult.stderr()}`,
        ),
      ),
    );
    check();
  });
}

beforeAll(() => {
  if (!existsSync(builtCli)) {
    throw new Error(
      `${builtCli} is missing: run \`pnpm --filter @org/mock-ses build\` first (turbo's test task does).`,
    );
  }
});

afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null && r.child.signalCode === null) {
      r.child.kill('SIGKILL');
      await r.exit;
    }
  }
});

describe('mock-ses CLI', () => {
  it('prints its URL and outbox page, serves SES, and stops cleanly on SIGTERM', async () => {
    const cli = run(['--port', '0', '--region', 'eu-west-1', '--identity', 'acme.test']);
    const [, url = ''] = await waitForOutput(cli, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(cli.stdout()).toContain(`outbox page:  ${url}/`);
    expect(cli.stdout()).toContain('region eu-west-1');

    const client = sesClientFor(url, { region: 'eu-west-1' });
    try {
      const result = await client.send(new SendEmailCommand(simpleEmail('user@example.com')));
      await waitForOutput(cli, new RegExp(`accepted SendEmail ${result.MessageId}`));
      const outbox = (await (await fetch(`${url}/_mock/outbox`)).json()) as {
        messages: { subject: string }[];
      };
      expect(outbox.messages.map((m) => m.subject)).toEqual(['Welcome']);
      // The log line must not carry the subject: it may hold a verification code.
      expect(cli.stdout()).not.toContain('Welcome');
    } finally {
      client.destroy();
    }

    cli.child.kill('SIGTERM');
    expect(await cli.exit).toEqual({ code: 0, signal: null });
    await expect(fetch(`${url}/_mock/health`)).rejects.toThrow();
  });

  it('stops cleanly on SIGINT', async () => {
    const cli = run(['--port', '0']);
    await waitForOutput(cli, /listening on http/);
    cli.child.kill('SIGINT');
    expect(await cli.exit).toEqual({ code: 0, signal: null });
  });

  it('applies its options to the engine (unverified sender is rejected)', async () => {
    const cli = run(['--port', '0', '--identity', 'other.test']);
    const [, url = ''] = await waitForOutput(cli, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const client = sesClientFor(url);
    try {
      const error = (await client
        .send(new SendEmailCommand(simpleEmail('user@example.com')))
        .catch((e: unknown) => e)) as Error;
      expect(error.name).toBe('MessageRejected');
    } finally {
      client.destroy();
    }
  });

  it('survives hostile requests: bad faults, cross-site control calls, bad Host', async () => {
    const secret = 'cli-secret-value-9';
    const cli = run(['--port', '0', '--verify-signatures', `AKIDHOSTILE:${secret}`]);
    const [, url = ''] = await waitForOutput(cli, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}/_mock/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    for (const fault of [
      { kind: 'custom', status: 500, type: '日' },
      { kind: 'custom', status: 500, type: 'X\r\nSet-Cookie: a=b' },
      { kind: 'custom', status: 99 },
      { kind: 'custom', status: 204 },
      { kind: 'custom', status: 1000 },
      { kind: 'nope' },
    ]) {
      const response = await post({ fault });
      expect(response.status, JSON.stringify(fault)).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/fault/);
    }
    const crossSite = await fetch(`${url}/_mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ fault: { kind: 'custom', status: 500, type: 'X' } }),
    });
    expect(crossSite.status).toBe(403);

    const badHost = await new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(url);
      request({ hostname, port, path: '/_mock/health', headers: { host: 'a b' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(badHost).toBe(400);

    const client = sesClientFor(url, {
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDHOSTILE', secretAccessKey: secret },
    });
    try {
      const result = await client.send(new SendEmailCommand(simpleEmail('user@example.com')));
      expect(result.MessageId).toEqual(expect.any(String));
      const wrong = sesClientFor(url, { maxAttempts: 1 });
      await expect(
        wrong.send(new SendEmailCommand(simpleEmail('user@example.com'))),
      ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      wrong.destroy();
    } finally {
      client.destroy();
    }
    expect((await fetch(`${url}/_mock/health`)).status).toBe(200);
    expect(cli.child.exitCode).toBeNull();
    expect(cli.stderr()).toBe('');
    // The key id may be printed; the secret never is.
    expect(cli.stdout()).toContain('AKIDHOSTILE');
    expect(cli.stdout() + cli.stderr()).not.toContain(secret);
  });

  it('prints usage with --help and exits 0', async () => {
    const cli = run(['--help']);
    expect(await cli.exit).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/^Usage: mock-ses \[options\]/);
    expect(cli.stdout()).toContain('--verify-signatures <id:secret>');
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer/],
    [['--nope'], /Unknown option '--nope'/],
    [['--verify-signatures', 'secretonly'], /ACCESS_KEY_ID:SECRET_ACCESS_KEY/],
  ])('exits 2 on %j with a clear message', async (args, message) => {
    const cli = run(args);
    expect(await cli.exit).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toMatch(message);
    expect(cli.stderr()).toContain('mock-ses --help');
    expect(cli.stdout()).toBe('');
  });

  it('exits 1 when the port is taken', async () => {
    const first = run(['--port', '0']);
    const [, url = ''] = await waitForOutput(first, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const second = run(['--port', new URL(url).port]);
    expect(await second.exit).toEqual({ code: 1, signal: null });
    expect(second.stderr()).toMatch(/port is taken/);
  });
});
