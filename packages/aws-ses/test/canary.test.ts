// The secrets audit: a whole send / testSend / check / error cycle, every fault the mock can
// inject included, with a canary access key secret, session token and code. Everything the
// connector writes or hands back is captured; no canary may appear in any of it.
// (The CLI's half of the audit runs the built bin, so it lives in bin.test.ts: see there why.)
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { ConnectorError, type ConnectorEvent } from '@org/connector-core';
import { type Fault, sesExceptionNames } from '@org/mock-ses';
import { useMockSes } from '@org/mock-ses/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AwsSesConnector, createAwsSesConnector } from '../src/index.js';
import { templates } from './fixtures.js';

const canary = {
  secret: `CANARY-SECRET-${randomUUID()}`,
  token: `CANARY-TOKEN-${randomUUID()}`,
  code: `CANARY-CODE-${randomUUID()}`,
  wrongSecret: `CANARY-WRONG-SECRET-${randomUUID()}`,
};
const accessKeyId = 'AKIACANARYEXAMPLE000';
/** A second key of the same secret, so the wrong-secret test can tell its requests apart. */
const otherKeyId = 'AKIACANARYEXAMPLE001';

// Signature checks on: a request signed with anything but the canary secret and token fails.
const mock = useMockSes({
  identities: ['acme.test'],
  credentials: [
    { accessKeyId, secretAccessKey: canary.secret, sessionToken: canary.token },
    { accessKeyId: otherKeyId, secretAccessKey: canary.secret, sessionToken: canary.token },
  ],
});

const config = {
  accessKeyId,
  accessKeySecret: canary.secret,
  sessionToken: canary.token,
  region: 'us-east-1',
  emailAddress: 'Acme <noreply@acme.test>',
  templates,
};

/** Everything written, logged, thrown, emitted or handed back during the test file. */
const seen: string[] = [];
/** The random codes testSend drew, read back from the mock's outbox. */
const testSendCodes: string[] = [];

function show(value: unknown): void {
  for (const depth of [2, Number.POSITIVE_INFINITY]) {
    seen.push(inspect(value, { depth, showHidden: false }));
    seen.push(inspect(value, { depth, showHidden: true, getters: true }));
  }
  try {
    seen.push(JSON.stringify(value) ?? '');
  } catch (error) {
    seen.push(String(error));
  }
}

function showError(error: unknown): void {
  let current: unknown = error;
  // The error, its cause and so on: each with its own message, stack and hint.
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    seen.push(current.message, current.stack ?? '', String((current as { hint?: unknown }).hint));
    current = current.cause;
  }
  show(error);
}

const events: ConnectorEvent[] = [];
const connectors: AwsSesConnector[] = [];
function connect(overrides: Record<string, unknown> = {}): AwsSesConnector {
  const connector = createAwsSesConnector(
    { ...config, ...overrides },
    {
      onEvent: (event) => {
        events.push(event);
        show(event);
      },
    },
  );
  connectors.push(connector);
  show(connector);
  return connector;
}

async function sendFailure(
  connector: AwsSesConnector,
  options: { signal?: AbortSignal } = {},
): Promise<ConnectorError> {
  try {
    const result = await connector.sendMessage(
      { to: 'ada@example.com', type: 'SignIn', payload: { code: canary.code } },
      options,
    );
    show(result);
  } catch (error) {
    showError(error);
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

function expectNoCanary(): void {
  const everything = seen.join('\n');
  for (const [name, value] of Object.entries(canary)) {
    expect(everything.includes(value), `the ${name} canary leaked`).toBe(false);
  }
  for (const code of testSendCodes) {
    expect(everything, 'a testSend code leaked').not.toMatch(
      new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`),
    );
  }
}

beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      seen.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return write(chunk, ...rest);
    });
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      seen.push(args.map((arg) => inspect(arg, { depth: null, showHidden: true })).join(' '));
    });
  }
});

afterEach(async () => {
  for (const connector of connectors.splice(0)) {
    await connector.close();
    show(connector);
  }
  expectNoCanary();
  // Each test answers for what it produced.
  seen.length = 0;
});

afterAll(() => {
  vi.restoreAllMocks();
  expectNoCanary();
});

describe('secrets canary', () => {
  it('a send, a testSend and a check hand back nothing secret', async () => {
    const connector = connect({ pacing: 'auto' });
    const result = await connector.sendMessage({
      to: 'Ada <ada@example.com>',
      type: 'SignIn',
      payload: { code: canary.code },
    });
    show(result);
    // The canaries did their job: the request was signed with them and the code was sent.
    expect(mock.outbox.get(result.messageId)?.html).toContain(canary.code);

    const test = await connector.testSend('ada@example.com');
    show(test);
    const code = /Code: (\d{6})/.exec(mock.outbox.get(test.messageId)?.html ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    testSendCodes.push(code as string);

    show(await connector.check());
    show(connector);
    expect(events.map((event) => event.type)).toContain('send:success');
  });

  const faults: [string, Fault, number][] = [
    ...sesExceptionNames.map((name): [string, Fault, number] => [name, name, 2]),
    ['internal_error', 'internal_error', 2],
    ['service_unavailable', 'service_unavailable', 2],
    ['network_error', 'network_error', 2],
    ['latency past the timeout', { kind: 'latency', latencyMs: 1_000 }, 2],
  ];

  it.each(faults)(
    '%s: the error, its cause and the events hold no canary',
    async (_, fault, times) => {
      const connector = connect({ maxAttempts: 2, requestTimeoutMs: 250 });
      mock.faults.next(fault, { times });
      const error = await sendFailure(connector);
      expect(error.provider).toBe('aws-ses');
      expect(mock.outbox.size).toBe(0);

      // The preflight meets the same fault on every call it makes.
      mock.faults.next(fault, { times: 20 });
      show(await connector.check());
    },
  );

  it('pacing refusals and aborts hold no canary', async () => {
    const connector = connect({ pacing: { maxSendRate: 1 }, maxQueueWaitMs: 0 });
    const first = connector.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: canary.code },
    });
    expect((await sendFailure(connector)).code).toBe('rate_limit_exceeded');
    show(await first);

    const waiting = connect({ pacing: { maxSendRate: 0.5 } });
    const sent = waiting.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: canary.code },
    });
    const controller = new AbortController();
    const aborted = sendFailure(waiting, { signal: controller.signal });
    await sent;
    controller.abort();
    expect((await aborted).code).toBe('aborted');

    mock.faults.next({ kind: 'latency', latencyMs: 1_000 });
    const inFlight = new AbortController();
    const midRequest = sendFailure(connect(), { signal: inFlight.signal });
    await vi.waitFor(() => expect(mock.faults.pending()).toEqual([]));
    inFlight.abort();
    expect((await midRequest).code).toBe('aborted');
  });

  it('an invalid config names its fields, not the secrets', () => {
    for (const bad of [
      { ...config, region: 'Mars-1' },
      { ...config, accessKeyId: undefined },
      { ...config, emailAddress: canary.secret, replyTo: [canary.token] },
      { ...config, accessKeySecret: [canary.secret], sessionToken: { value: canary.token } },
    ]) {
      let error: unknown;
      try {
        connect(bad);
      } catch (caught) {
        error = caught;
      }
      expect(ConnectorError.isInstance(error) && error.code).toBe('invalid_config');
      showError(error);
    }
  });

  it('a wrong secret fails with authorization_failed after one attempt, and is not shown', async () => {
    const connector = connect({ accessKeyId: otherKeyId, accessKeySecret: canary.wrongSecret });
    // Requests of earlier tests still asleep in the mock's injected latency log late: skip them.
    const requests = (operation?: string) =>
      mock.requests.operations(operation).filter((entry) => entry.accessKeyId === otherKeyId);
    const error = await sendFailure(connector);
    expect(error).toMatchObject({
      code: 'authorization_failed',
      retryable: false,
      providerCode: 'InvalidSignatureException',
      attempts: 1,
    });
    expect(requests('SendEmail').map((entry) => entry.attempt)).toEqual([1]);

    const report = await connector.check();
    show(report);
    expect(report.ok).toBe(false);
    // One request per preflight call, none retried.
    expect(requests('GetAccount').map((entry) => entry.attempt)).toEqual([1]);
    expect(requests().every((entry) => entry.attempt === 1 && entry.status === 403)).toBe(true);
  });
});
