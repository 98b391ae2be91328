import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { ConnectorError } from '@org/connector-core';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';

const clients = vi.hoisted(() => ({ created: 0, destroyed: 0 }));

// Counts SESv2Client instances; everything else is the real SDK.
vi.mock('@aws-sdk/client-sesv2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@aws-sdk/client-sesv2')>();
  class CountingSESv2Client extends actual.SESv2Client {
    constructor(...args: ConstructorParameters<typeof actual.SESv2Client>) {
      super(...args);
      clients.created += 1;
    }
    override destroy(): void {
      clients.destroyed += 1;
      super.destroy();
    }
  }
  return { ...actual, SESv2Client: CountingSESv2Client };
});

const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
const { createAwsSesConnector } = await import('./index.js');
const { createSesClient } = await import('./ses-client.js');
const { sesRetryStrategyClass } = await import('./retry-strategy.js');
const SesRetryStrategy = sesRetryStrategyClass();

/** A TCP pass-through in front of the mock that counts the connections clients open. */
async function startCountingProxy(
  target: URL,
): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    const upstream = netConnect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('one SESv2Client per connector', () => {
  let ses: MockSesServer;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;

  beforeAll(async () => {
    ses = await startMockSesServer({ port: 0, identities: ['acme.test'] });
    proxy = await startCountingProxy(new URL(ses.url));
  });
  afterAll(async () => {
    await proxy.close();
    await ses.close();
  });

  it('reuses one client and one keep-alive connection for ten sends, and close() destroys it', async () => {
    const before = { ...clients };
    const connector = createAwsSesConnector({
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'noreply@acme.test',
      endpoint: proxy.url,
      templates,
    });
    for (let i = 0; i < 10; i++) {
      await connector.sendMessage({
        to: `user${i}@example.com`,
        type: 'SignIn',
        payload: { code: String(100000 + i) },
      });
    }
    expect(ses.mock.outbox.size).toBe(10);
    expect(clients.created - before.created).toBe(1);
    expect(proxy.connections()).toBe(1);

    await connector.close();
    expect(clients.destroyed - before.destroyed).toBe(1);
    await expect(
      connector.sendMessage({ to: 'late@example.com', type: 'SignIn', payload: { code: '1' } }),
    ).rejects.toThrow(/closed/);
  });
});

describe('network failures', () => {
  it('maps a refused connection to provider_unavailable after the retries', async () => {
    // A port that was just free: nothing listens there, so the connection is refused locally.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const connector = createAwsSesConnector({
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'noreply@acme.test',
      endpoint: `http://127.0.0.1:${port}`,
      maxAttempts: 2,
      templates,
    });
    try {
      const error = await connector
        .sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } })
        .catch((e: unknown) => e);
      expect(ConnectorError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'provider_unavailable',
        retryable: true,
        providerCode: 'ECONNREFUSED',
        attempts: 2,
      });
      expect((error as ConnectorError).hint).toMatch(/connection to SES failed/);
    } finally {
      await connector.close();
    }
  });
});

describe('close() with a send in flight', () => {
  // A server per test: a request torn down by close() may reach the mock's log later.
  let ses: MockSesServer;

  beforeEach(async () => {
    ses = await startMockSesServer({ port: 0, identities: ['acme.test'] });
  });
  afterEach(async () => {
    await ses.close();
  });

  it('ends a slow send without a caller signal as aborted, and starts no attempt after it', async () => {
    const proxy = await startCountingProxy(new URL(ses.url));
    const send = vi.spyOn(SESv2Client.prototype, 'send');
    ses.mock.faults.next({ kind: 'latency', latencyMs: 3_000 }, { times: 3 });
    const connector = createAwsSesConnector({
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'noreply@acme.test',
      endpoint: proxy.url,
      maxAttempts: 3,
      templates,
    });
    try {
      const sending = connector
        .sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } })
        .catch((e: unknown) => e);
      await vi.waitFor(() => expect(proxy.connections()).toBe(1));
      await connector.close();
      const error = await sending;
      expect(ConnectorError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'aborted', retryable: false });
      expect((error as ConnectorError).message).toMatch(/closed/);
      // The SDK call ends too: its socket was destroyed, and it did not retry on a new one.
      const sdkCall = send.mock.results[0]?.value as Promise<unknown>;
      expect(
        await sdkCall.then(
          () => 'sent',
          (e: unknown) => (e as Error).name,
        ),
      ).not.toBe('sent');
      expect(proxy.connections()).toBe(1);
      expect(ses.mock.outbox.size).toBe(0);
    } finally {
      send.mockRestore();
      await proxy.close();
    }
  });

  it('never sends a retry that was waiting out its backoff when the client closed', async () => {
    let closed = false;
    const client = createSesClient(
      {
        region: 'us-east-1',
        endpoint: ses.url,
        accessKeyId: fakeCredentials.accessKeyId,
        accessKeySecret: fakeCredentials.accessKeySecret,
        maxAttempts: 3,
        requestTimeoutMs: 5_000,
      } as Parameters<typeof createSesClient>[0],
      { isClosed: () => closed },
    );
    // Closes right after the SDK was granted a retry, i.e. while it waits out the backoff.
    const refresh = SesRetryStrategy.prototype.refreshRetryTokenForRetry;
    const spy = vi
      .spyOn(SesRetryStrategy.prototype, 'refreshRetryTokenForRetry')
      .mockImplementation(async function (this: InstanceType<typeof SesRetryStrategy>, ...args) {
        const token = await refresh.apply(this, args);
        closed = true;
        return token;
      });
    ses.mock.faults.next('TooManyRequestsException');
    try {
      const error = await client
        .send(
          new SendEmailCommand({
            FromEmailAddress: 'noreply@acme.test',
            Destination: { ToAddresses: ['ada@example.com'] },
            Content: {
              Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Code 123456' } } },
            },
          }),
        )
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/closed/) });
      expect(spy).toHaveBeenCalled();
      expect(ses.mock.requests.operations('SendEmail')).toHaveLength(1);
    } finally {
      spy.mockRestore();
      client.destroy();
    }
  });
});
