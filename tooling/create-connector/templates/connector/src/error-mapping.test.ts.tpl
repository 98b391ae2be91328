import { ConnectorError, HttpTimeoutError } from '@org/connector-core/provider';
import { describe, expect, it } from 'vitest';
import { __PASCAL__ApiError } from './__NAME__-api-error.js';
import { map__PASCAL__Error } from './error-mapping.js';

function answer(status: number, name: string | undefined, message = 'x') {
  const json = name === undefined ? undefined : { name, message };
  return new __PASCAL__ApiError({
    status,
    headers: {},
    json,
    text: json === undefined ? message : JSON.stringify(json),
  });
}

const context = { provider: '__NAME__', sender: 'noreply@acme.example' };

describe('map__PASCAL__Error', () => {
  // TODO: a row per error of __TITLE__'s reference, as src/error-mapping.ts maps them.
  it.each([
    [429, undefined, 'slow down', 'rate_limit_exceeded', true],
    [500, undefined, 'Unexpected.', 'provider_unavailable', true],
    [503, undefined, '<html>503</html>', 'provider_unavailable', true],
    [401, undefined, 'Unauthorized', 'authorization_failed', false],
    [403, undefined, 'Forbidden', 'authorization_failed', false],
  ] as const)('HTTP %i %s → %s', (status, name, message, code, retryable) => {
    const error = map__PASCAL__Error(answer(status, name, message), context);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.provider).toBe('__NAME__');
    expect(error.providerCode).toBe(name ?? `HTTP ${status}`);
    expect(error.hint).toEqual(expect.any(String));
    expect(error.cause).toBeInstanceOf(__PASCAL__ApiError);
  });

  it('maps a timeout, a reset connection and an abort', () => {
    expect(map__PASCAL__Error(new HttpTimeoutError(300), context)).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(map__PASCAL__Error(reset, context)).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
    });
    const controller = new AbortController();
    controller.abort();
    expect(map__PASCAL__Error(reset, { ...context, signal: controller.signal }).code).toBe(
      'aborted',
    );
  });

  it('passes a ConnectorError through and keeps an unknown error as the cause of a general one', () => {
    const known = new ConnectorError('timeout', 'late');
    expect(map__PASCAL__Error(known, context)).toBe(known);
    const odd = map__PASCAL__Error(new RangeError('odd'), context);
    expect(odd).toMatchObject({ code: 'general', retryable: false });
    expect(odd.cause).toBeInstanceOf(RangeError);
  });
});
