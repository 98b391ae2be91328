import {
  ConnectorError,
  createMemoryRateLimiter,
  type RateLimiter,
  type RateLimitRequest,
} from '@org/connector-core';
import { useMockSes } from '@org/mock-ses/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { awsSesConfigSchema } from './config-schema.js';
import { type AwsSesConnector, createAwsSesConnector } from './index.js';
import { createSesClient } from './ses-client.js';
import { autoPacingRefreshMs, createSesPacer, sesLimitKey } from './ses-pacer.js';

const mock = useMockSes({ identities: ['acme.test'], maxSendRate: 20 });

const baseConfig = {
  ...fakeCredentials,
  region: 'us-east-1',
  emailAddress: 'Acme <noreply@acme.test>',
  templates,
};

let connector: AwsSesConnector | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await connector?.close();
  connector = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function connect(overrides: Record<string, unknown>): AwsSesConnector {
  connector = createAwsSesConnector({ ...baseConfig, ...overrides });
  return connector;
}

function send(ses: AwsSesConnector, index: number, signal?: AbortSignal) {
  return ses.sendMessage(
    { to: `user${index}@example.com`, type: 'SignIn', payload: { code: '123456' } },
    { signal },
  );
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

/** An `'auto'` pacer on its own client, on a clock the test moves. */
function autoPacer(clock: { now: number }) {
  const config = awsSesConfigSchema.parse({ ...baseConfig, pacing: 'auto' });
  const client = createSesClient(config);
  const pacer = createSesPacer(client, config, { provider: 'aws-ses', now: () => clock.now });
  cleanups.push(() => {
    pacer.close();
    client.destroy();
  });
  return pacer;
}

const throttled = () =>
  mock.requests
    .operations('SendEmail')
    .filter((entry) => entry.errorType === 'TooManyRequestsException');

describe('pacing a connector against the mock (MaxSendRate 20)', () => {
  it('without pacing, a burst of sends is throttled by SES (the control)', async () => {
    const ses = connect({ maxAttempts: 1 });
    await Promise.allSettled(Array.from({ length: 60 }, (_, i) => send(ses, i)));
    expect(throttled().length).toBeGreaterThan(0);
  });

  it('with pacing { maxSendRate: 20 }, 60 concurrent sends all succeed, none throttled', async () => {
    const ses = connect({ pacing: { maxSendRate: 20 } });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => send(ses, i)));
    expect(results.every((result) => result.attempts === 1)).toBe(true);
    expect(new Set(results.map((result) => result.messageId)).size).toBe(60);
    expect(mock.outbox.size).toBe(60);
    expect(throttled()).toEqual([]);
    expect(mock.requests.operations('SendEmail')).toHaveLength(60);
  });

  it('fails a send fast with rate_limit_exceeded when it would wait past maxQueueWaitMs', async () => {
    const ses = connect({ pacing: { maxSendRate: 2 }, maxQueueWaitMs: 500 });
    const first = send(ses, 1);
    const second = send(ses, 2);
    // At 2 per second the third would wait about 1 s.
    const error = await failure(send(ses, 3));
    expect(error).toMatchObject({
      code: 'rate_limit_exceeded',
      retryable: true,
      provider: 'aws-ses',
    });
    expect(error.message).toMatch(/longer than maxQueueWaitMs \(500\)/);
    expect(error.hint).toMatch(/Request a higher sending rate/);
    expect(error.hint).toMatch(/raise maxQueueWaitMs/);
    expect(error.hint).toMatch(/raise pacing\.maxSendRate/);
    await Promise.all([first, second]);
    expect(mock.outbox.all().map((m) => m.to[0])).toEqual([
      'user1@example.com',
      'user2@example.com',
    ]);
  });

  it('rejects a waiting send with aborted when its signal fires; it never reaches SES', async () => {
    // One send every 2 s: the abort comes long before the second one's turn.
    const ses = connect({ pacing: { maxSendRate: 0.5 } });
    const first = send(ses, 1);
    const controller = new AbortController();
    const waiting = failure(send(ses, 2, controller.signal));
    const third = send(ses, 3);
    await vi.waitFor(() => expect(mock.outbox.size).toBe(1));
    controller.abort();
    const error = await waiting;
    expect(error.code).toBe('aborted');
    await Promise.all([first, third]);
    expect(mock.outbox.all().map((m) => m.to[0])).toEqual([
      'user1@example.com',
      'user3@example.com',
    ]);
  });
});

describe('pacing through a shared RateLimiter (ConnectorOptions.rateLimiter)', () => {
  it('two connectors sharing one limiter keep MaxSendRate together: none throttled', async () => {
    const rateLimiter = createMemoryRateLimiter();
    const options = { rateLimiter };
    const config = { ...baseConfig, pacing: { maxSendRate: 20 }, maxAttempts: 1 };
    const a = createAwsSesConnector(config, options);
    const b = createAwsSesConnector(config, options);
    cleanups.push(
      () => void a.close(),
      () => void b.close(),
    );
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(i % 2 === 0 ? a : b, i)),
    );
    expect(results).toHaveLength(50);
    expect(throttled()).toEqual([]);
  });

  it('asks the limiter for one token per recipient, under one key per account and region', async () => {
    const requests: RateLimitRequest[] = [];
    const memory = createMemoryRateLimiter();
    const rateLimiter: RateLimiter = {
      acquire: (request) => {
        requests.push(request);
        return memory.acquire(request);
      },
    };
    const ses = createAwsSesConnector(
      { ...baseConfig, pacing: { maxSendRate: 20 } },
      { rateLimiter },
    );
    cleanups.push(() => void ses.close());
    await send(ses, 1);
    expect(requests).toEqual([
      expect.objectContaining({ tokens: 1, ratePerSecond: 20, maxWaitMs: expect.any(Number) }),
    ]);
    const config = awsSesConfigSchema.parse({ ...baseConfig });
    expect(requests[0]?.key).toBe(sesLimitKey(config));
    expect(sesLimitKey(config)).toMatch(/^aws-ses:us-east-1:[0-9a-f]{16}$/);
    expect(sesLimitKey(config)).not.toContain(fakeCredentials.accessKeyId);
    const other = awsSesConfigSchema.parse({ ...baseConfig, region: 'eu-west-1' });
    expect(sesLimitKey(other)).not.toBe(sesLimitKey(config));
  });
});

describe("pacing: 'auto'", () => {
  it('reads MaxSendRate once for concurrent first sends, then paces to it', async () => {
    const ses = connect({ pacing: 'auto' });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => send(ses, i)));
    expect(results).toHaveLength(30);
    expect(mock.requests.operations('GetAccount')).toHaveLength(1);
    expect(throttled()).toEqual([]);
    expect(mock.outbox.size).toBe(30);
  });

  it('re-reads the rate after the refresh interval, in the background', async () => {
    const clock = { now: 0 };
    const pacer = autoPacer(clock);
    const signal = new AbortController().signal;
    mock.account.maxSendRate = 5;

    (await pacer.acquire(signal))();
    expect(pacer.ratePerSecond).toBe(5);

    mock.account.maxSendRate = 8;
    clock.now += autoPacingRefreshMs;
    (await pacer.acquire(signal))();
    // That acquire did not wait for the new rate: it is read in the background.
    await vi.waitFor(() => expect(pacer.ratePerSecond).toBe(8));
    expect(mock.requests.operations('GetAccount')).toHaveLength(2);
  });

  it('does not re-read the rate before the refresh interval', async () => {
    const clock = { now: 0 };
    const pacer = autoPacer(clock);
    const signal = new AbortController().signal;
    (await pacer.acquire(signal))();
    clock.now += autoPacingRefreshMs - 1;
    (await pacer.acquire(signal))();
    expect(mock.requests.operations('GetAccount')).toHaveLength(1);
    expect(pacer.ratePerSecond).toBe(20);
  });

  it('sends unpaced when GetAccount is denied, asks again only after the interval', async () => {
    const clock = { now: 0 };
    const pacer = autoPacer(clock);
    const signal = new AbortController().signal;
    mock.faults.next('AccessDeniedException', { operation: 'GetAccount' });

    for (let i = 0; i < 3; i++) (await pacer.acquire(signal))();
    expect(pacer.ratePerSecond).toBeUndefined();
    expect(mock.requests.operations('GetAccount')).toHaveLength(1);

    clock.now += autoPacingRefreshMs;
    (await pacer.acquire(signal))();
    await vi.waitFor(() => expect(pacer.ratePerSecond).toBe(20));
    expect(mock.requests.operations('GetAccount')).toHaveLength(2);
  });

  it('still delivers every send through the connector when GetAccount is denied', async () => {
    mock.faults.next('AccessDeniedException', { operation: 'GetAccount' });
    const ses = connect({ pacing: 'auto' });
    const results = await Promise.all(Array.from({ length: 3 }, (_, i) => send(ses, i)));
    expect(results).toHaveLength(3);
    expect(mock.outbox.size).toBe(3);
  });
});

describe('pacing in check()', () => {
  const pacingItem = async (overrides: Record<string, unknown>) =>
    (await connect(overrides).check()).checks.find((c) => c.name === 'pacing');

  it('reports the rate auto pacing follows', async () => {
    expect(await pacingItem({ pacing: 'auto' })).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/paced to 20 per second, the account's MaxSendRate/),
    });
  });

  it('warns that auto pacing is off while GetAccount is denied', async () => {
    mock.faults.next('AccessDeniedException', { operation: 'GetAccount' });
    const item = await pacingItem({ pacing: 'auto' });
    expect(item).toMatchObject({ status: 'warn' });
    expect(item?.detail).toMatch(/lack the IAM permission ses:GetAccount: sends are not paced/);
    expect(item?.hint).toMatch(/maxSendRate/);
  });

  it('warns when a fixed rate is above the account rate', async () => {
    const item = await pacingItem({ pacing: { maxSendRate: 50 } });
    expect(item).toMatchObject({ status: 'warn' });
    expect(item?.hint).toMatch(/Lower pacing\.maxSendRate to 20/);
  });

  it('passes a fixed rate within the account rate, and says nothing when pacing is off', async () => {
    expect(await pacingItem({ pacing: { maxSendRate: 10 } })).toMatchObject({ status: 'pass' });
    expect(await pacingItem({})).toBeUndefined();
  });
});
