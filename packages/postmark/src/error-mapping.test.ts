import { ConnectorError, HttpTimeoutError } from '@org/connector-core/provider';
import { describe, expect, it } from 'vitest';
import { mapPostmarkError } from './error-mapping.js';
import { PostmarkApiError } from './postmark-api-error.js';

function answer(status: number, errorCode: number | undefined, message = 'x') {
  const json = errorCode === undefined ? undefined : { ErrorCode: errorCode, Message: message };
  return new PostmarkApiError({
    status,
    headers: {},
    json,
    text: json ? JSON.stringify(json) : message,
  });
}

const context = { provider: 'postmark', sender: 'noreply@acme.example', messageStream: 'codes' };

describe('mapPostmarkError', () => {
  it.each([
    [401, 10, 'authorization_failed', false],
    [401, undefined, 'authorization_failed', false],
    [503, 100, 'provider_unavailable', true],
    [422, 300, 'invalid_request_parameters', false],
    [422, 400, 'message_rejected', false],
    [422, 401, 'message_rejected', false],
    [422, 402, 'general', false],
    [422, 403, 'general', false],
    [422, 405, 'usage_limit_exceeded', false],
    [422, 406, 'message_rejected', false],
    [422, 409, 'general', false],
    [422, 410, 'invalid_request_parameters', false],
    [422, 411, 'invalid_request_parameters', false],
    [422, 412, 'message_rejected', false],
    [422, 413, 'usage_limit_exceeded', false],
    [422, 1235, 'message_rejected', false],
    [429, 429, 'rate_limit_exceeded', true],
    [429, undefined, 'rate_limit_exceeded', true],
    [413, undefined, 'invalid_request_parameters', false],
    [404, undefined, 'general', false],
    [500, undefined, 'provider_unavailable', true],
    [503, undefined, 'provider_unavailable', true],
  ] as const)('HTTP %i ErrorCode %s → %s', (status, errorCode, code, retryable) => {
    const error = mapPostmarkError(answer(status, errorCode), context);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.provider).toBe('postmark');
    expect(error.providerCode).toBe(
      errorCode === undefined ? `HTTP ${status}` : `ErrorCode ${errorCode}`,
    );
    expect(error.hint).toEqual(expect.any(String));
    expect(error.cause).toBeInstanceOf(PostmarkApiError);
  });

  it('names the sender and the stream in the hints', () => {
    expect(mapPostmarkError(answer(422, 400), context).hint).toContain('noreply@acme.example');
    expect(mapPostmarkError(answer(422, 1235), context).hint).toContain('"codes"');
  });

  it('maps a timeout, a reset connection and an abort', () => {
    expect(mapPostmarkError(new HttpTimeoutError(300), context)).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(mapPostmarkError(reset, context).code).toBe('provider_unavailable');
    const controller = new AbortController();
    controller.abort();
    expect(mapPostmarkError(reset, { ...context, signal: controller.signal }).code).toBe('aborted');
    const known = new ConnectorError('timeout', 'late');
    expect(mapPostmarkError(known, context)).toBe(known);
  });
});
