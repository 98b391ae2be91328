import { describe, expect, it } from 'vitest';
import { recordingConnector } from '../test/recording-connector.js';
import { ConnectorError } from './connector-error.js';

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('sendMessage input limits', () => {
  it('rejects a 75 KB locale as invalid_request_parameters (regression: quadratic chain)', async () => {
    const { connector, wire } = recordingConnector();
    const locale = `${'ab-'.repeat(25_000)}cd`;
    const error = await failure(
      connector.sendMessage({
        to: 'ada@example.com',
        type: 'SignIn',
        payload: { code: '123456', locale },
      }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('payload.locale');
    expect(error.message).toContain('maximum is 35');
    expect(error.message).not.toContain('ab-ab');
    expect(wire).toHaveLength(0);
  });

  it('rejects an Accept-Language header passed as the locale, naming the fix', async () => {
    const { connector } = recordingConnector();
    const error = await failure(
      connector.sendMessage({
        to: 'ada@example.com',
        type: 'SignIn',
        payload: { code: '123456', locale: 'de-AT,de;q=0.9' },
      }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toMatch(/one BCP 47 language tag/);
  });

  it('still accepts a POSIX-style locale', async () => {
    const { connector, wire } = recordingConnector();
    await connector.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '123456', locale: 'zh_CN' },
    });
    expect(wire).toHaveLength(1);
  });
});
