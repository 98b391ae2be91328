import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { ConnectorError } from '@org/connector-core';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

const { createAwsSesConnector } = await import('./index.js');

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
