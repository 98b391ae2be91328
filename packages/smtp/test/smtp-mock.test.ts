import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSmtpConnector, type SmtpConnector } from '../src/connector.js';
import { configFor, credentials, signIn } from './fixtures.js';

let mock: SmtpMock;
beforeAll(async () => {
  mock = await startSmtpMock({ auth: credentials });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const opened: SmtpConnector[] = [];
function connect(overrides: Record<string, unknown> = {}): SmtpConnector {
  const connector = createSmtpConnector(configFor(mock, overrides));
  opened.push(connector);
  return connector;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connector) => connector.close()));
});

describe('startSmtpMock', () => {
  it('listens on 127.0.0.1 with a certificate to trust', () => {
    expect(mock.host).toBe('127.0.0.1');
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('applies a fault to as many delivery attempts as asked, then lets mail through', async () => {
    mock.fault(
      { kind: 'reply', stage: 'RCPT', code: 450, message: '4.2.1 Mailbox busy' },
      { times: 2 },
    );
    const result = await connect({ maxAttempts: 3 }).sendMessage(signIn('ada@example.com'));
    expect(result.attempts).toBe(3);
    expect(mock.requestCount()).toBe(3);
    expect(mock.messages()).toHaveLength(1);
  });

  it('records nothing for a connection dropped during DATA', async () => {
    mock.fault({ kind: 'drop', stage: 'DATA' });
    const result = await connect().sendMessage(signIn('ada@example.com'));
    expect(result.attempts).toBe(2);
    expect(mock.messages()).toHaveLength(1);
  });

  it('counts a refused login as a delivery attempt', async () => {
    await connect({ auth: { user: 'app', pass: 'not-the-password' } })
      .sendMessage(signIn('ada@example.com'))
      .catch(() => undefined);
    expect(mock.requestCount()).toBe(1);
  });

  it('hits a connection that logged in earlier with an AUTH fault at its next MAIL FROM', async () => {
    const connector = connect();
    await connector.sendMessage(signIn('first@example.com'));
    mock.inject('auth_failure');
    const error = await connector
      .sendMessage(signIn('second@example.com'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'authorization_failed', providerCode: '535 5.7.8' });
  });

  it('discards a message still in transit when reset() runs', async () => {
    mock.fault({ kind: 'delay', stage: 'DATA', ms: 300 });
    const sending = connect().sendMessage(signIn('ada@example.com'));
    await vi.waitFor(() => expect(mock.requestCount()).toBe(1));
    mock.reset();
    await sending;
    expect(mock.messages()).toEqual([]);
  });

  it('hands out copies: changing one does not change the record', async () => {
    await connect().sendMessage(signIn('ada@example.com'));
    const first = mock.messages()[0]!;
    first.to.push('eve@example.com');
    mock.sent()[0]!.tags.usage_type = 'changed';
    expect(mock.messages()[0]?.to).toEqual(['ada@example.com']);
    expect(mock.sent()[0]?.tags.usage_type).toBe('SignIn');
  });

  it('gives sent() the bare Reply-To addresses parsed from the header, [] without one', async () => {
    await connect({
      replyTo: ['"Help, Desk" <help@acme.example>', 'billing@acme.example'],
    }).sendMessage(signIn('ada@example.com'));
    await connect().sendMessage(signIn('bob@example.com'));
    expect(mock.sent().map((email) => email.replyTo)).toEqual([
      ['help@acme.example', 'billing@acme.example'],
      [],
    ]);
  });

  it('refuses a fault count that is not a positive integer', () => {
    expect(() => mock.fault({ kind: 'drop', stage: 'MAIL' }, { times: 0 })).toThrow(RangeError);
  });
});
