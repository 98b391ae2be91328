import { ConnectorError, HttpTimeoutError } from '@org/connector-core/provider';
import { describe, expect, it } from 'vitest';
import { mapResendError } from './error-mapping.js';
import { ResendApiError } from './resend-api-error.js';

function answer(
  status: number,
  name: string | undefined,
  message = 'x',
  headers: Record<string, string> = {},
) {
  return new ResendApiError({
    status,
    headers,
    json: name === undefined ? undefined : { statusCode: status, name, message },
    text: name === undefined ? message : JSON.stringify({ statusCode: status, name, message }),
  });
}

const context = { provider: 'resend', senderDomain: 'acme.example' };

describe('mapResendError', () => {
  it.each([
    [
      400,
      'invalid_idempotency_key',
      'The key must be between 1-256 chars.',
      'invalid_request_parameters',
      false,
    ],
    [400, 'validation_error', 'Invalid `to` field.', 'invalid_request_parameters', false],
    [400, 'validation_error', 'API key is invalid', 'authorization_failed', false],
    [
      401,
      'missing_api_key',
      'Missing API key in the authorization header.',
      'authorization_failed',
      false,
    ],
    [
      401,
      'restricted_api_key',
      'This API key is restricted to only send emails.',
      'authorization_failed',
      false,
    ],
    [401, 'validation_error', 'API key is invalid', 'authorization_failed', false],
    [403, 'invalid_api_key', 'API key is invalid.', 'authorization_failed', false],
    [
      403,
      'validation_error',
      'The acme.example domain is not verified. Please, add and verify your domain on https://resend.com/domains',
      'message_rejected',
      false,
    ],
    [
      403,
      'validation_error',
      'You can only send testing emails to your own email address (owner@acme.example).',
      'message_rejected',
      false,
    ],
    [404, 'not_found', 'The requested endpoint does not exist.', 'general', false],
    [405, 'method_not_allowed', 'Method not allowed.', 'general', false],
    [
      409,
      'invalid_idempotent_request',
      'Same key, other payload.',
      'invalid_request_parameters',
      false,
    ],
    [409, 'concurrent_idempotent_requests', 'Still in progress.', 'general', true],
    [
      422,
      'invalid_attachment',
      'Attachment must have content.',
      'invalid_request_parameters',
      false,
    ],
    [422, 'invalid_from_address', 'Invalid `from` field.', 'message_rejected', false],
    [422, 'invalid_access', 'Access must be full_access.', 'invalid_request_parameters', false],
    [422, 'invalid_parameter', 'Must be a UUID.', 'invalid_request_parameters', false],
    [422, 'invalid_region', 'Region must be us-east-1.', 'invalid_request_parameters', false],
    [422, 'missing_required_field', 'Missing `to` field.', 'invalid_request_parameters', false],
    [429, 'monthly_quota_exceeded', 'Monthly quota.', 'usage_limit_exceeded', false],
    [429, 'daily_quota_exceeded', 'Daily quota.', 'usage_limit_exceeded', false],
    [429, 'rate_limit_exceeded', 'Too many requests.', 'rate_limit_exceeded', true],
    [451, 'security_error', 'Security issue.', 'message_rejected', false],
    [500, 'application_error', 'Unexpected.', 'provider_unavailable', true],
    [500, 'internal_server_error', 'Unexpected.', 'provider_unavailable', true],
    [503, undefined, '<html>503</html>', 'provider_unavailable', true],
    [429, undefined, 'slow down', 'rate_limit_exceeded', true],
  ] as const)('HTTP %i %s → %s', (status, name, message, code, retryable) => {
    const error = mapResendError(answer(status, name, message), context);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.provider).toBe('resend');
    expect(error.providerCode).toBe(name ?? `HTTP ${status}`);
    expect(error.hint).toEqual(expect.any(String));
    expect(error.cause).toBeInstanceOf(ResendApiError);
  });

  it('names the unverified sender domain in the hint', () => {
    const error = mapResendError(
      answer(403, 'validation_error', 'The acme.example domain is not verified.'),
      context,
    );
    expect(error.hint).toContain('acme.example');
  });

  it('maps a timeout, a reset connection and an abort', () => {
    expect(mapResendError(new HttpTimeoutError(300), context)).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(mapResendError(reset, context)).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
    });
    const controller = new AbortController();
    controller.abort();
    expect(mapResendError(reset, { ...context, signal: controller.signal }).code).toBe('aborted');
  });

  it('passes a ConnectorError through and keeps an unknown error as the cause of a general one', () => {
    const known = new ConnectorError('timeout', 'late');
    expect(mapResendError(known, context)).toBe(known);
    const odd = mapResendError(new RangeError('odd'), context);
    expect(odd).toMatchObject({ code: 'general', retryable: false });
    expect(odd.cause).toBeInstanceOf(RangeError);
  });
});
