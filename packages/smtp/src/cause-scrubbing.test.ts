// Issue 11: a server that quotes the message or the login in its reply must not put the code or
// the password into anything the error carries, however deep a log serializer looks.
import { inspect } from 'node:util';
import { ConnectorError } from '@org/connector-core';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFor, credentials, signIn } from '../test/fixtures.js';
import { createSmtpConnector, type SmtpConnector } from './connector.js';

let mock: SmtpMock;
let connector: SmtpConnector;

beforeEach(async () => {
  mock = await startSmtpMock({ auth: credentials });
  connector = createSmtpConnector(configFor(mock, { maxAttempts: 1 }));
});

afterEach(async () => {
  await connector.close();
  await mock.close();
});

function everything(error: unknown): string {
  return inspect(error, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

describe('SMTP replies that echo the request', () => {
  it('a 554 quoting DATA (the code) leaves no code in the error or its causes', async () => {
    const code = '482913';
    mock.fault({
      kind: 'reply',
      stage: 'DATA',
      code: 554,
      message: `5.7.1 Message refused: "Sign-in code: ${code}" looks like spam`,
    });
    const error = await failure(connector.sendMessage(signIn('ada@example.com', code)));
    expect(error.code).toBe('message_rejected');
    const shown = everything(error);
    expect(shown).not.toContain(code);
    expect(shown).toContain('554');
    expect(shown).toContain('[redacted]');
  });

  it('a 535 quoting the password leaves no password in the error or its causes', async () => {
    mock.fault({
      kind: 'reply',
      stage: 'AUTH',
      code: 535,
      message: `5.7.8 Authentication failed for ${credentials.user} / ${credentials.pass}`,
    });
    const error = await failure(connector.sendMessage(signIn('ada@example.com')));
    expect(error.code).toBe('authorization_failed');
    expect(everything(error)).not.toContain(credentials.pass);
  });
});
