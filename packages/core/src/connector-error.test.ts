import { describe, expect, it } from 'vitest';
import { ConnectorError, connectorErrorCodes, isRetryableCode } from './connector-error.js';

describe('ConnectorError', () => {
  it('carries code, retryability and the optional details', () => {
    const cause = new Error('Throttling');
    const error = new ConnectorError('rate_limit_exceeded', 'Slow down', {
      provider: 'aws-ses',
      hint: 'Send more slowly',
      providerCode: 'TooManyRequestsException',
      requestId: 'req-1',
      attempts: 3,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConnectorError');
    expect(error.message).toBe('Slow down');
    expect(error).toMatchObject({
      code: 'rate_limit_exceeded',
      retryable: true,
      provider: 'aws-ses',
      hint: 'Send more slowly',
      providerCode: 'TooManyRequestsException',
      requestId: 'req-1',
      attempts: 3,
    });
    expect(error.cause).toBe(cause);
  });

  it('marks exactly the DESIGN.md codes retryable', () => {
    expect(connectorErrorCodes.filter(isRetryableCode)).toEqual([
      'rate_limit_exceeded',
      'provider_unavailable',
      'timeout',
    ]);
    expect(new ConnectorError('general', 'x', { retryable: true }).retryable).toBe(true);
  });

  it('recognises its instances and nothing else', () => {
    expect(ConnectorError.isInstance(new ConnectorError('general', 'x'))).toBe(true);
    expect(ConnectorError.isInstance(new Error('x'))).toBe(false);
    expect(ConnectorError.isInstance({ code: 'general', name: 'ConnectorError' })).toBe(false);
    expect(ConnectorError.isInstance(null)).toBe(false);
  });

  it('serializes to a loggable shape without the cause', () => {
    const json = JSON.parse(
      JSON.stringify(new ConnectorError('general', 'x', { cause: { secret: 'nope' } })),
    );
    expect(json).toMatchObject({ name: 'ConnectorError', code: 'general', message: 'x' });
    expect(JSON.stringify(json)).not.toContain('nope');
  });
});
