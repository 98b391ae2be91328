import {
  GetAccountCommand,
  InternalServiceErrorException,
  MessageRejected,
  type SESv2Client,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockSesServer } from '../types.js';
import { startMockSesServer } from './start-mock-ses-server.js';
import { sesClientFor, simpleEmail, testCredentials } from './test-ses-client.js';

describe('startMockSesServer', () => {
  let server: MockSesServer;
  let client: SESv2Client;

  beforeEach(async () => {
    server = await startMockSesServer();
    client = sesClientFor(server.url);
  });

  afterEach(async () => {
    client.destroy();
    await server.close();
  });

  it('listens on 127.0.0.1 on a free port by default', () => {
    const url = new URL(server.url);
    expect(url.protocol).toBe('http:');
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
  });

  it('accepts a send from the real SESv2Client and stores it in the outbox', async () => {
    const result = await client.send(new SendEmailCommand(simpleEmail('user@example.com')));

    expect(result.MessageId).toEqual(expect.any(String));
    const message = server.mock.outbox.get(result.MessageId ?? '');
    expect(message).toMatchObject({
      fromAddress: 'noreply@acme.test',
      to: ['user@example.com'],
      subject: 'Welcome',
      html: '<h1>Hello</h1><p>Welcome body</p>',
      text: 'Hello\nWelcome body',
      contentKind: 'Simple',
    });
    expect(message?.requestId).toBe(result.$metadata.requestId);
  });

  it('answers an injected SES exception so the SDK raises its class, without retrying', async () => {
    server.mock.faults.next('MessageRejected');

    const error = await client
      .send(new SendEmailCommand(simpleEmail('user@example.com')))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MessageRejected);
    expect((error as MessageRejected).$metadata.httpStatusCode).toBe(400);
    expect((error as MessageRejected).$metadata.attempts).toBe(1);
    expect(server.mock.requests.operations('SendEmail')).toHaveLength(1);
    expect(server.mock.outbox.size).toBe(0);
  });

  it('answers internal_error with a 500 the SDK retries until it succeeds', async () => {
    server.mock.faults.next('internal_error');

    const result = await client.send(new SendEmailCommand(simpleEmail('user@example.com')));

    expect(result.$metadata.attempts).toBe(2);
    expect(server.mock.requests.operations('SendEmail').map((r) => r.status)).toEqual([500, 200]);
  });

  it('raises InternalServiceErrorException once every attempt got internal_error', async () => {
    server.mock.faults.next('internal_error', { times: 3 });

    const error = await client
      .send(new SendEmailCommand(simpleEmail('user@example.com')))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InternalServiceErrorException);
    expect((error as InternalServiceErrorException).$metadata.attempts).toBe(3);
  });

  it('resets the connection on network_error; the SDK retries the same invocation', async () => {
    server.mock.faults.next('network_error', { times: 2 });

    const result = await client.send(new SendEmailCommand(simpleEmail('user@example.com')));

    expect(result.$metadata.attempts).toBe(3);
    const attempts = server.mock.requests.operations('SendEmail');
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(attempts.map((a) => a.fault)).toEqual(['network_error', 'network_error', undefined]);
    expect(new Set(attempts.map((a) => a.invocationId)).size).toBe(1);
    expect(server.mock.outbox.size).toBe(1);
  });

  it('surfaces a connection reset when every attempt is dropped', async () => {
    server.mock.faults.next('network_error', { times: 3 });

    const error = (await client
      .send(new SendEmailCommand(simpleEmail('user@example.com')))
      .catch((e: unknown) => e)) as Error & { code?: string; $metadata?: { attempts?: number } };

    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('ECONNRESET');
    expect(error.$metadata?.attempts).toBe(3);
    expect(server.mock.outbox.size).toBe(0);
  });

  it('close() frees the port, even with a keep-alive connection open', async () => {
    await client.send(new SendEmailCommand(simpleEmail('user@example.com')));
    const port = Number(new URL(server.url).port);

    await server.close();
    const again = await startMockSesServer({ port });
    try {
      expect(again.url).toBe(server.url);
      // The new server has its own engine: nothing carried over.
      expect(again.mock.outbox.size).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('close() lets an in-flight request finish with its answer', async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.mock.faults.when(
      () => {
        arrived();
        return true;
      },
      { kind: 'latency', latencyMs: 200 },
    );

    const sending = client.send(new SendEmailCommand(simpleEmail('user@example.com')));
    await arrival;
    const closing = server.close();

    const result = await sending;
    await closing;
    expect(result.$metadata.attempts).toBe(1);
    expect(server.mock.outbox.get(result.MessageId ?? '')).toBeDefined();
    const port = Number(new URL(server.url).port);
    const again = await startMockSesServer({ port });
    await again.close();
  });

  it('close() ends the live event stream of an open outbox page', async () => {
    const response = await fetch(`${server.url}/_mock/events`);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();

    await server.close();

    let done = false;
    while (!done) ({ done } = await reader.read());
    expect(done).toBe(true);
  });

  it('refuses a port that is taken, saying so', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startMockSesServer({ port })).rejects.toThrow(/port is taken/);
  });

  it('gives each server its own engine', async () => {
    const other = await startMockSesServer();
    const otherClient = sesClientFor(other.url);
    try {
      await otherClient.send(new SendEmailCommand(simpleEmail('other@example.com')));
      expect(other.mock.outbox.size).toBe(1);
      expect(server.mock.outbox.size).toBe(0);
    } finally {
      otherClient.destroy();
      await other.close();
    }
  });

  it('passes engine options through (region)', async () => {
    const other = await startMockSesServer({ region: 'eu-west-1' });
    try {
      expect(other.mock.region).toBe('eu-west-1');
    } finally {
      await other.close();
    }
  });

  it('records the region the request was signed for, not the region it was started with', async () => {
    // What `aws sesv2 --region eu-west-1 --endpoint-url <url>` does against a default server.
    const regional = sesClientFor(server.url, { region: 'eu-west-1' });
    const strict = await startMockSesServer({ identities: ['other.test'] });
    const strictRegional = sesClientFor(strict.url, { region: 'eu-west-1', maxAttempts: 1 });
    try {
      const result = await regional.send(new SendEmailCommand(simpleEmail('user@example.com')));
      expect(server.mock.outbox.get(result.MessageId ?? '')?.region).toBe('eu-west-1');
      const error = (await strictRegional
        .send(new SendEmailCommand(simpleEmail('user@example.com')))
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/failed the check in region EU-WEST-1/);
    } finally {
      regional.destroy();
      strictRegional.destroy();
      await strict.close();
    }
  });

  it('records a client that gives up during injected latency as aborted, and stores nothing', async () => {
    // The client gives up once the server holds the request (not on a timer that, on a busy
    // machine, can fire before the request has even arrived).
    const giveUp = new AbortController();
    const stop = server.mock.faults.when(
      () => {
        stop();
        setTimeout(() => giveUp.abort(), 20);
        return true;
      },
      { kind: 'latency', latencyMs: 5_000 },
    );

    const error = await client
      .send(new SendEmailCommand(simpleEmail('user@example.com')), {
        abortSignal: giveUp.signal,
      })
      .catch((e: unknown) => e);

    expect((error as Error).name).toBe('AbortError');
    await vi.waitFor(() =>
      expect(server.mock.requests.all()).toMatchObject([
        { operation: 'SendEmail', status: 499, errorType: 'ClientAborted' },
      ]),
    );
    expect(server.mock.outbox.size).toBe(0);
  });
});

describe('startMockSesServer with credentials (SigV4 verification)', () => {
  let server: MockSesServer;
  const clients: SESv2Client[] = [];
  const clientFor = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const client = sesClientFor(server.url, { credentials, maxAttempts: 1 });
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startMockSesServer({ credentials: testCredentials });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('accepts requests signed with the configured key, with and without a body', async () => {
    const client = clientFor(testCredentials);
    await client.send(new SendEmailCommand(simpleEmail('user@example.com')));
    await client.send(new GetAccountCommand({}));

    expect(server.mock.outbox.size).toBe(1);
    expect(server.mock.requests.operations().map((e) => [e.status, e.accessKeyId])).toEqual([
      [200, testCredentials.accessKeyId],
      [200, testCredentials.accessKeyId],
    ]);
  });

  it('refuses a wrong secret with InvalidSignatureException (403)', async () => {
    const error = await clientFor({ ...testCredentials, secretAccessKey: 'wrong' })
      .send(new SendEmailCommand(simpleEmail('user@example.com')))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
    expect(server.mock.outbox.size).toBe(0);
  });

  it('refuses a body changed after signing, even with the signed content hash', async () => {
    const client = clientFor(testCredentials);
    // Last in the finalize step, so after the SDK signed: a proxy rewriting the body in transit.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown };
        // Same length, so content-length (which is signed) still matches.
        const tamper = (text: string) => text.replace('user@example.com', 'evil@example.com');
        if (request.body instanceof Uint8Array) {
          request.body = new TextEncoder().encode(tamper(new TextDecoder().decode(request.body)));
        } else if (typeof request.body === 'string') {
          request.body = tamper(request.body);
        }
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'tamperAfterSigning' },
    );

    const error = await client
      .send(new SendEmailCommand(simpleEmail('user@example.com')))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'InvalidSignatureException' });
    expect(server.mock.outbox.size).toBe(0);
  });
});
