import { ConnectorError, type ConnectorErrorCode } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { isTlsFailure, mapSmtpError, type SmtpErrorContext } from './error-mapping.js';

const context: SmtpErrorContext = {
  provider: 'smtp',
  host: 'smtp.example.com',
  port: 587,
  authConfigured: true,
  socketTimeoutMs: 30_000,
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
};

/** An error shaped like the ones nodemailer raises for a server reply. */
function replyError(response: string, command: string): Error {
  return Object.assign(new Error(`Command failed: ${response}`), {
    code: command === 'DATA' ? 'EMESSAGE' : command.startsWith('AUTH') ? 'EAUTH' : 'EENVELOPE',
    response,
    responseCode: Number(response.slice(0, 3)),
    command,
  });
}

function socketError(code: string, originalCode?: string, extra: object = {}): Error {
  return Object.assign(new Error(`${originalCode ?? code} failure`), {
    code,
    ...(originalCode === undefined ? {} : { originalCode }),
    command: 'CONN',
    ...extra,
  });
}

describe('mapSmtpError: server replies', () => {
  it.each<[string, string, ConnectorErrorCode, boolean, string]>([
    ['421 4.3.2 Service not available', 'MAIL FROM', 'provider_unavailable', true, '421 4.3.2'],
    ['450 4.2.1 Mailbox busy', 'RCPT TO', 'provider_unavailable', true, '450 4.2.1'],
    ['451 4.3.0 Local error in processing', 'DATA', 'provider_unavailable', true, '451 4.3.0'],
    [
      '452 4.3.1 Insufficient system storage',
      'MAIL FROM',
      'provider_unavailable',
      true,
      '452 4.3.1',
    ],
    [
      '451 4.7.1 Rate limit exceeded, slow down',
      'MAIL FROM',
      'rate_limit_exceeded',
      true,
      '451 4.7.1',
    ],
    [
      '421 4.7.0 Too many connections from your host',
      'CONN',
      'rate_limit_exceeded',
      true,
      '421 4.7.0',
    ],
    [
      '454 Throttling failure: Maximum sending rate exceeded.',
      'MAIL FROM',
      'rate_limit_exceeded',
      true,
      '454',
    ],
    [
      '454 Throttling failure: Daily message quota exceeded.',
      'MAIL FROM',
      'usage_limit_exceeded',
      false,
      '454',
    ],
    [
      '550 5.4.5 Daily user sending limit exceeded',
      'MAIL FROM',
      'usage_limit_exceeded',
      false,
      '550 5.4.5',
    ],
    ['452 4.2.2 Mailbox full, over quota', 'RCPT TO', 'provider_unavailable', true, '452 4.2.2'],
    [
      '535 5.7.8 Authentication credentials invalid',
      'AUTH PLAIN',
      'authorization_failed',
      false,
      '535 5.7.8',
    ],
    ['530 5.7.0 Authentication required', 'MAIL FROM', 'authorization_failed', false, '530 5.7.0'],
    ['550 5.1.1 User unknown', 'RCPT TO', 'message_rejected', false, '550 5.1.1'],
    ['551 5.1.6 User not local', 'RCPT TO', 'message_rejected', false, '551 5.1.6'],
    [
      '553 5.7.1 Sender address rejected: not owned by user',
      'MAIL FROM',
      'message_rejected',
      false,
      '553 5.7.1',
    ],
    ['554 5.7.1 Message rejected as spam', 'DATA', 'message_rejected', false, '554 5.7.1'],
    ['552 5.3.4 Message size exceeds fixed limit', 'DATA', 'message_rejected', false, '552 5.3.4'],
    [
      '501 5.1.3 Bad recipient address syntax',
      'RCPT TO',
      'invalid_request_parameters',
      false,
      '501 5.1.3',
    ],
    ['503 5.5.1 Bad sequence of commands', 'DATA', 'provider_unavailable', true, '503 5.5.1'],
    ['502 5.5.2 Command not implemented', 'MAIL FROM', 'general', false, '502 5.5.2'],
  ])('%s at %s → %s', (response, command, code, retryable, providerCode) => {
    const cause = replyError(response, command);
    const error = mapSmtpError(cause, { ...context, attempts: 2 });
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.providerCode).toBe(providerCode);
    expect(error.provider).toBe('smtp');
    expect(error.attempts).toBe(2);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('smtp.example.com:587');
  });

  it("quotes the server's text in the hint of a rejection and says which step was refused", () => {
    const sender = mapSmtpError(
      replyError('553 5.7.1 <noreply@acme.com>: Sender address rejected', 'MAIL FROM'),
      context,
    );
    expect(sender.message).toMatch(/rejected the sender \(MAIL FROM\)/);
    expect(sender.hint).toContain(
      'The server said: "553 5.7.1 <noreply@acme.com>: Sender address rejected".',
    );
    expect(sender.hint).toMatch(/set fromEmail to an address/);

    const recipient = mapSmtpError(replyError('550 5.1.1 User unknown', 'RCPT TO'), context);
    expect(recipient.hint).toMatch(/refused the recipient/);
    const content = mapSmtpError(replyError('554 5.7.1 Spam', 'DATA'), context);
    expect(content.hint).toMatch(/content or policy filter/);
  });

  it('tells a missing login from wrong credentials', () => {
    const missing = mapSmtpError(replyError('530 5.7.0 Authentication required', 'MAIL FROM'), {
      ...context,
      authConfigured: false,
    });
    expect(missing.message).toMatch(/requires authentication/);
    expect(missing.hint).toMatch(/Set auth: \{ user, pass \}/);
    const wrong = mapSmtpError(replyError('535 5.7.8 Bad credentials', 'AUTH LOGIN'), context);
    expect(wrong.message).toMatch(/refused the credentials/);
    expect(wrong.hint).toMatch(/Check auth\.user and auth\.pass/);
  });
});

describe('mapSmtpError: connection failures', () => {
  it.each<[string, Error, ConnectorErrorCode, boolean, string]>([
    [
      'refused',
      socketError('ESOCKET', 'ECONNREFUSED'),
      'provider_unavailable',
      true,
      'ECONNREFUSED',
    ],
    ['reset', socketError('ESOCKET', 'ECONNRESET'), 'provider_unavailable', true, 'ECONNRESET'],
    ['closed', socketError('ECONNECTION'), 'provider_unavailable', true, 'ECONNECTION'],
    ['DNS', socketError('EDNS', 'ENOTFOUND'), 'provider_unavailable', true, 'ENOTFOUND'],
    [
      'socket timeout',
      socketError('ETIMEDOUT', undefined, { timeoutType: 'SOCKET_TIMEOUT' }),
      'timeout',
      true,
      'ETIMEDOUT',
    ],
    [
      'connect timeout',
      socketError('ETIMEDOUT', undefined, { timeoutType: 'CONNECT_TIMEOUT' }),
      'timeout',
      true,
      'ETIMEDOUT',
    ],
    [
      'greeting timeout',
      socketError('ETIMEDOUT', undefined, { timeoutType: 'GREETING_TIMEOUT' }),
      'timeout',
      true,
      'ETIMEDOUT',
    ],
    ['STARTTLS failure', socketError('ETLS'), 'provider_unavailable', true, 'ETLS'],
    [
      'untrusted certificate',
      socketError('ESOCKET', 'DEPTH_ZERO_SELF_SIGNED_CERT'),
      'provider_unavailable',
      false,
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ],
    [
      'expired certificate',
      socketError('ETLS', 'CERT_HAS_EXPIRED'),
      'provider_unavailable',
      false,
      'CERT_HAS_EXPIRED',
    ],
    ['login refused locally', socketError('EAUTH'), 'authorization_failed', false, 'EAUTH'],
    ['bad envelope', socketError('EENVELOPE'), 'invalid_request_parameters', false, 'EENVELOPE'],
    ['not SMTP', socketError('EPROTOCOL'), 'general', false, 'EPROTOCOL'],
    ['anything else', new Error('boom'), 'general', false, 'Error'],
  ])('%s → %s', (_, cause, code, retryable, providerCode) => {
    const error = mapSmtpError(cause, context);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.providerCode ?? cause.name).toBe(providerCode);
    expect(error.cause).toBe(cause);
    expect(error.hint ?? error.message).not.toBe('');
  });

  it('points at the TLS mode when the first bytes were not TLS', () => {
    const wrongVersion = Object.assign(new Error('ssl3_get_record:wrong version number'), {
      code: 'ESOCKET',
      originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
    });
    expect(mapSmtpError(wrongVersion, { ...context, secure: true }).hint).toMatch(/secure: false/);
    expect(isTlsFailure(wrongVersion)).toBe(true);
    expect(isTlsFailure(socketError('ESOCKET', 'ECONNREFUSED'))).toBe(false);
  });

  it('says what to change for a greeting timeout, by TLS mode', () => {
    const greeting = socketError('ETIMEDOUT', undefined, { timeoutType: 'GREETING_TIMEOUT' });
    expect(mapSmtpError(greeting, { ...context, secure: false }).hint).toMatch(/secure: true/);
    expect(mapSmtpError(greeting, { ...context, secure: true }).hint).toMatch(/secure: false/);
  });

  it('is aborted when the signal fired, whatever nodemailer called the failure', () => {
    const controller = new AbortController();
    controller.abort();
    const error = mapSmtpError(socketError('ECONNECTION'), {
      ...context,
      signal: controller.signal,
    });
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
  });

  it('passes a ConnectorError through unchanged', () => {
    const original = new ConnectorError('timeout', 'slow');
    expect(mapSmtpError(original, context)).toBe(original);
  });
});
