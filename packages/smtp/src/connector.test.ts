import { createServer } from 'node:net';
import { ConnectorError, type SendResult } from '@org/connector-core';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configFor, credentials, signIn } from '../test/fixtures.js';
import { createSmtpConnector, type SmtpConnector } from './connector.js';

const opened: SmtpConnector[] = [];
function connect(config: Record<string, unknown>): SmtpConnector {
  const connector = createSmtpConnector(config);
  opened.push(connector);
  return connector;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connector) => connector.close()));
});

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ConnectorError.isInstance(error))
    throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sending through a STARTTLS server that requires AUTH', () => {
  let mock: SmtpMock;
  beforeAll(async () => {
    mock = await startSmtpMock({ auth: credentials });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  it('delivers over TLS after logging in, with the envelope, headers, tags and Reply-To', async () => {
    const connector = connect(
      configFor(mock, {
        replyTo: ['Help <help@acme.example>'],
        headers: { 'X-Campaign': 'signup' },
        tags: { app: 'web' },
      }),
    );
    const result = await connector.sendMessage(signIn('ada@example.com', '482910'));

    const [message] = mock.messages();
    expect(message).toMatchObject({
      secure: true,
      user: credentials.user,
      envelope: { from: 'noreply@acme.example', to: ['ada@example.com'] },
      from: 'noreply@acme.example',
      fromHeader: 'Acme <noreply@acme.example>',
      replyTo: ['help@acme.example'],
      subject: 'Sign-in code 482910',
      headers: { 'X-Campaign': 'signup' },
      tags: { app: 'web', usage_type: 'SignIn' },
    });
    expect(message?.html).toContain('<b>482910</b>');
    expect(message?.text).toContain('482910');
    expect(result).toEqual({
      messageId: message?.messageId,
      provider: 'smtp',
      requestId: message?.queueId,
      attempts: 1,
    });
    expect(result.messageId).toMatch(/^<[0-9a-f-]+@acme\.example>$/);
  });

  it('keeps one pooled transporter: sequential sends share a connection, close() ends it', async () => {
    const connector = connect(configFor(mock));
    for (let i = 0; i < 5; i++) await connector.sendMessage(signIn(`user${i}@example.com`));
    expect(mock.messages()).toHaveLength(5);
    expect(mock.connectionCount(), 'connections opened for five sends').toBe(1);
    // The previous test's connector may still be hanging up.
    await vi.waitFor(() => expect(mock.openConnections()).toBe(1));
    await connector.close();
    await vi.waitFor(() => expect(mock.openConnections()).toBe(0));
  });

  it('opens at most pool.maxConnections connections for parallel sends', async () => {
    const connector = connect(configFor(mock, { pool: { maxConnections: 2 } }));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => connector.sendMessage(signIn(`p${i}@example.com`))),
    );
    expect(mock.messages()).toHaveLength(20);
    expect(mock.connectionCount()).toBeLessThanOrEqual(2);
  });

  it('sends no tag header with tagHeader: false', async () => {
    await connect(configFor(mock, { tagHeader: false })).sendMessage(signIn('ada@example.com'));
    const [message] = mock.messages();
    expect(message?.raw).not.toMatch(/^X-Tags:/im);
  });

  it('writes the tags into the header a provider reads, e.g. X-SES-MESSAGE-TAGS', async () => {
    await connect(configFor(mock, { tagHeader: 'X-SES-MESSAGE-TAGS' })).sendMessage(
      signIn('ada@example.com'),
    );
    expect(mock.messages()[0]?.raw).toMatch(/^X-SES-MESSAGE-TAGS: usage_type=SignIn\r?$/im);
  });

  it.each([
    [
      'RCPT',
      550,
      '5.1.1 <nobody@example.com>: Recipient address rejected: User unknown',
      'message_rejected',
      '550 5.1.1',
    ],
    ['DATA', 554, '5.7.1 Message rejected: looks like spam', 'message_rejected', '554 5.7.1'],
    [
      'MAIL',
      553,
      '5.7.1 Sender address rejected: not owned by user app',
      'message_rejected',
      '553 5.7.1',
    ],
    ['MAIL', 550, '5.4.5 Daily sending quota exceeded', 'usage_limit_exceeded', '550 5.4.5'],
  ] as const)(
    'a %s %i reply fails once, not retried: %s',
    async (stage, code, message, expected, providerCode) => {
      mock.fault({ kind: 'reply', stage, code, message }, { times: 5 });
      const error = await rejection(
        connect(configFor(mock)).sendMessage(signIn('nobody@example.com')),
      );
      expect(error.code).toBe(expected);
      expect(error.providerCode).toBe(providerCode);
      expect(error.hint).toContain(message);
      expect(error.attempts).toBe(1);
      expect(mock.requestCount()).toBe(1);
      expect(mock.messages()).toHaveLength(0);
    },
  );

  it('retries a 4xx reply up to maxAttempts and reports every attempt', async () => {
    mock.fault(
      { kind: 'reply', stage: 'RCPT', code: 452, message: '4.3.1 Insufficient system storage' },
      { times: 10 },
    );
    const error = await rejection(
      connect(configFor(mock, { maxAttempts: 4 })).sendMessage(signIn('ada@example.com')),
    );
    expect(error.code).toBe('provider_unavailable');
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(4);
    expect(mock.requestCount()).toBe(4);
  });

  it('maxAttempts: 1 turns retries off', async () => {
    mock.fault({ kind: 'drop', stage: 'MAIL' });
    const error = await rejection(
      connect(configFor(mock, { maxAttempts: 1 })).sendMessage(signIn('ada@example.com')),
    );
    expect(error.code).toBe('provider_unavailable');
    expect(error.attempts).toBe(1);
    expect(mock.requestCount()).toBe(1);
  });

  it('recovers from a greeting refused with 421 on a new connection', async () => {
    mock.fault({ kind: 'reply', stage: 'CONNECT', code: 421, message: '4.3.2 Try again later' });
    const result = await connect(configFor(mock)).sendMessage(signIn('ada@example.com'));
    expect(result.attempts).toBe(2);
    expect(mock.messages()).toHaveLength(1);
  });

  it('retries a timeout after the message was sent with the same Message-ID', async () => {
    // The server takes the whole message, then answers after the client gave up: the classic
    // SMTP duplicate. The retry carries the same Message-ID, so receivers can tell.
    mock.fault({ kind: 'delay', stage: 'DATA', ms: 600 });
    const result = await connect(configFor(mock, { socketTimeoutMs: 200 })).sendMessage(
      signIn('ada@example.com'),
    );
    expect(result.attempts).toBe(2);
    await vi.waitFor(() => expect(mock.messages()).toHaveLength(2));
    expect(mock.messages().map((message) => message.messageId)).toEqual([
      result.messageId,
      result.messageId,
    ]);
  });

  it('stops retrying when the signal fires during the backoff', async () => {
    mock.fault(
      { kind: 'reply', stage: 'MAIL', code: 451, message: '4.3.0 Try later' },
      { times: 10 },
    );
    const controller = new AbortController();
    const connector = connect(configFor(mock, { maxAttempts: 10 }));
    const sending = connector.sendMessage(signIn('ada@example.com'), { signal: controller.signal });
    await vi.waitFor(() => expect(mock.requestCount()).toBeGreaterThanOrEqual(1));
    controller.abort();
    const error = await rejection(sending);
    expect(error.code).toBe('aborted');
    // An attempt already on the wire when the signal fired may still reach the server (on a
    // loaded machine the next MAIL can be in flight); none may start afterwards. A retry loop
    // that ignored the signal would start one within its next backoff (at most 400 ms here).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const requests = mock.requestCount();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mock.requestCount(), 'no attempt after the abort').toBe(requests);
  });

  it('refuses wrong credentials with authorization_failed, without the password anywhere', async () => {
    const pass = 'wrong-password-that-must-not-leak';
    const error = await rejection(
      connect(configFor(mock, { auth: { user: credentials.user, pass } })).sendMessage(
        signIn('ada@example.com'),
      ),
    );
    expect(error.code).toBe('authorization_failed');
    expect(error.providerCode).toBe('535 5.7.8');
    expect(error.attempts).toBe(1);
    const { inspect } = await import('node:util');
    expect(inspect(error, { depth: 6 })).not.toContain(pass);
    expect(JSON.stringify(error)).not.toContain(pass);
  });

  it('asks for credentials when none are configured and the server requires them', async () => {
    const { auth: _auth, ...noAuth } = configFor(mock);
    const error = await rejection(connect(noAuth).sendMessage(signIn('ada@example.com')));
    expect(error.code).toBe('authorization_failed');
    expect(error.hint).toMatch(/Set auth/);
  });

  it('does not trust a self-signed certificate without tls.ca, and does not retry', async () => {
    const { tls: _tls, ...untrusted } = configFor(mock);
    const error = await rejection(connect(untrusted).sendMessage(signIn('ada@example.com')));
    expect(error.code).toBe('provider_unavailable');
    expect(error.retryable).toBe(false);
    expect(error.hint).toMatch(/tls\.ca/);
    expect(error.attempts).toBe(1);
  });
});

describe('TLS modes', () => {
  it('sends with implicit TLS (secure: true, like port 465)', async () => {
    const mock = await startSmtpMock({ tls: 'implicit', auth: credentials });
    try {
      const result: SendResult = await connect(
        configFor(mock, { secure: true, requireTLS: false }),
      ).sendMessage(signIn('ada@example.com'));
      expect(result.attempts).toBe(1);
      expect(mock.messages()[0]?.secure).toBe(true);
    } finally {
      await mock.close();
    }
  });

  it('tells a client expecting implicit TLS that the port speaks plain SMTP', async () => {
    const mock = await startSmtpMock({ auth: credentials });
    try {
      const error = await rejection(
        connect(configFor(mock, { secure: true, requireTLS: false, maxAttempts: 1 })).sendMessage(
          signIn('ada@example.com'),
        ),
      );
      expect(error.code).toBe('provider_unavailable');
      expect(error.hint).toMatch(/secure: false/);
    } finally {
      await mock.close();
    }
  });

  it('refuses to send in clear text with requireTLS when the server offers no STARTTLS', async () => {
    const mock = await startSmtpMock({ tls: 'none' });
    try {
      const { auth: _auth, ...config } = configFor(mock, { requireTLS: true, maxAttempts: 1 });
      const error = await rejection(connect(config).sendMessage(signIn('ada@example.com')));
      expect(error.code).toBe('provider_unavailable');
      expect(mock.messages()).toHaveLength(0);
    } finally {
      await mock.close();
    }
  });

  it('sends through a local relay without TLS or AUTH', async () => {
    const mock = await startSmtpMock({ tls: 'none' });
    try {
      const { auth: _auth, ...config } = configFor(mock);
      await connect(config).sendMessage(signIn('ada@example.com'));
      expect(mock.messages()[0]).toMatchObject({ secure: false, to: ['ada@example.com'] });
      expect(mock.messages()[0]?.user).toBeUndefined();
    } finally {
      await mock.close();
    }
  });
});

describe('connection failures', () => {
  it('maps a refused connection to provider_unavailable, retried, with a hint about the port', async () => {
    const port = await closedPort();
    const error = await rejection(
      connect({ ...configFor(await closedMock()), port, maxAttempts: 2 }).sendMessage(
        signIn('ada@example.com'),
      ),
    );
    expect(error.code).toBe('provider_unavailable');
    expect(error.providerCode).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(2);
    expect(error.hint).toMatch(/port/);
  });
});

/** A mock that is already closed: only its address and certificate are used. */
async function closedMock(): Promise<SmtpMock> {
  const mock = await startSmtpMock({ tls: 'none' });
  await mock.close();
  return mock;
}
