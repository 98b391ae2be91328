import { inspect } from 'node:util';
import {
  AccountSuspendedException,
  BadRequestException,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SESv2ServiceException,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { ConnectorError } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { mapSesError, type SesErrorContext } from './error-mapping.js';

const context: SesErrorContext = {
  operation: 'SendEmail',
  region: 'us-east-1',
  fromAddress: 'noreply@acme.test',
};

const meta = { httpStatusCode: 400, requestId: 'req-1', attempts: 1 };

function serviceError(name: string, message: string, status = 400) {
  return new SESv2ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    message,
    $metadata: { ...meta, httpStatusCode: status },
  });
}

describe('mapSesError', () => {
  it('keeps the SES name, request id, attempts and the original as cause', () => {
    const original = new MessageRejected({
      message: 'Email address is not verified.',
      $metadata: { ...meta, attempts: 1 },
    });
    const error = mapSesError(original, context);
    expect(ConnectorError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'message_rejected',
      retryable: false,
      provider: 'aws-ses',
      providerCode: 'MessageRejected',
      requestId: 'req-1',
      attempts: 1,
    });
    expect(error.cause).toBe(original);
  });

  it.each([
    [
      new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: meta }),
      'rate_limit_exceeded',
      true,
      /higher sending rate/,
    ],
    [
      new LimitExceededException({ message: 'Limit exceeded', $metadata: meta }),
      'rate_limit_exceeded',
      true,
      /Slow down/,
    ],
    [
      new SendingPausedException({ message: 'Sending paused for this account.', $metadata: meta }),
      'usage_limit_exceeded',
      false,
      /paused for this account/,
    ],
    [
      new AccountSuspendedException({ message: 'Account suspended.', $metadata: meta }),
      'usage_limit_exceeded',
      false,
      /suspended/,
    ],
    [
      new MailFromDomainNotVerifiedException({
        message: 'MAIL FROM domain not verified',
        $metadata: meta,
      }),
      'message_rejected',
      false,
      /custom MAIL FROM domain/,
    ],
    [
      new NotFoundException({
        message: 'Configuration set <x> does not exist.',
        $metadata: { ...meta, httpStatusCode: 404 },
      }),
      'invalid_config',
      false,
      /exist in region us-east-1/,
    ],
    [
      new BadRequestException({ message: 'Invalid email address <x>.', $metadata: meta }),
      'invalid_request_parameters',
      false,
      /SES says: "Invalid email address <x>\."/,
    ],
    [
      serviceError(
        'InvalidSignatureException',
        'The request signature we calculated does not match',
        403,
      ),
      'authorization_failed',
      false,
      /accessKeySecret/,
    ],
    [
      serviceError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        403,
      ),
      'authorization_failed',
      false,
      /accessKeyId/,
    ],
    [
      serviceError('SignatureDoesNotMatch', 'Signature mismatch', 403),
      'authorization_failed',
      false,
      /accessKeySecret/,
    ],
    [
      serviceError('AccessDeniedException', 'User is not authorized to perform ses:SendEmail', 403),
      'authorization_failed',
      false,
      /ses:SendEmail/,
    ],
    [
      serviceError(
        'ExpiredTokenException',
        'The security token included in the request is expired',
        403,
      ),
      'authorization_failed',
      false,
      /expired/,
    ],
    [
      serviceError('InternalServiceErrorException', 'Internal failure', 500),
      'provider_unavailable',
      true,
      /transient/i,
    ],
    [
      serviceError('ServiceUnavailable', 'Service Unavailable', 503),
      'provider_unavailable',
      true,
      /transient/i,
    ],
    [serviceError('SomethingNew', 'A new failure', 400), 'general', false, undefined],
  ])('maps %s', (original, code, retryable, hint) => {
    const error = mapSesError(original, context);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.providerCode).toBe((original as Error).name);
    if (hint) expect(error.hint).toMatch(hint);
    else expect(error.hint).toBeUndefined();
  });

  it('names an unnamed server error by its HTTP status', () => {
    const error = mapSesError(serviceError('Unknown', 'UnknownError', 503), context);
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      providerCode: 'HTTP 503',
    });
  });

  it('treats the daily quota message as usage_limit_exceeded whatever class carries it', () => {
    for (const original of [
      new MessageRejected({ message: 'Daily message quota exceeded.', $metadata: meta }),
      new LimitExceededException({ message: 'Daily message quota exceeded.', $metadata: meta }),
      new TooManyRequestsException({ message: 'Daily message quota exceeded.', $metadata: meta }),
    ]) {
      const error = mapSesError(original, context);
      expect(error.code).toBe('usage_limit_exceeded');
      expect(error.retryable).toBe(false);
      expect(error.hint).toMatch(/24-hour window/);
    }
  });

  it('names the unverified sender identity and its region', () => {
    const error = mapSesError(
      new MessageRejected({
        message:
          'Email address is not verified. The following identities failed the check in region US-WEST-2: noreply@acme.test',
        $metadata: meta,
      }),
      context,
    );
    expect(error.hint).toMatch(/sender identity noreply@acme\.test .*region us-west-2/);
    expect(error.hint).toMatch(/sandbox, every recipient must be verified too/);
  });

  it('tells an unverified sandbox recipient from an unverified sender', () => {
    const error = mapSesError(
      new MessageRejected({
        message:
          'Email address is not verified. The following identities failed the check in region US-EAST-1: ada@example.com',
        $metadata: meta,
      }),
      context,
    );
    expect(error.code).toBe('message_rejected');
    expect(error.hint).toMatch(
      /recipient ada@example\.com is not a verified identity in region us-east-1/,
    );
    expect(error.hint).toMatch(/sandbox/);
    expect(error.hint).not.toMatch(/Verify the sender/);
  });

  it('explains a content rejection with SES own words', () => {
    const error = mapSesError(
      new MessageRejected({ message: 'Illegal header detected.', $metadata: meta }),
      context,
    );
    expect(error.code).toBe('message_rejected');
    expect(error.hint).toMatch(/"Illegal header detected\."/);
  });

  it('maps a credential chain failure to authorization_failed with a chain hint', () => {
    const original = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const error = mapSesError(original, context);
    expect(error.code).toBe('authorization_failed');
    expect(error.hint).toMatch(/default credential chain/);
    expect(error.hint).toMatch(/AWS_PROFILE/);
  });

  it.each([
    ['ECONNRESET', 'TimeoutError'],
    ['ECONNREFUSED', 'Error'],
    ['ENOTFOUND', 'Error'],
    ['EAI_AGAIN', 'Error'],
    ['EPIPE', 'TimeoutError'],
  ])('maps the network error %s to provider_unavailable', (errno, name) => {
    const original = Object.assign(new Error(`connect ${errno}`), { code: errno, name });
    const error = mapSesError(original, context);
    expect(error.code).toBe('provider_unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(errno);
  });

  it.each([
    Object.assign(new Error('a request has exceeded the configured 50 ms requestTimeout'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
    }),
    Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }),
    Object.assign(new Error('timeout'), { name: 'RequestTimeout' }),
  ])('maps %s to timeout', (original) => {
    const error = mapSesError(original, { ...context, requestTimeoutMs: 50 });
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('requestTimeoutMs 50');
    expect(error.hint).toMatch(/may still have been delivered/);
  });

  it('maps any failure after the caller aborted to aborted', () => {
    const controller = new AbortController();
    controller.abort();
    const original = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    const error = mapSesError(original, { ...context, signal: controller.signal });
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
  });

  it('passes a ConnectorError through untouched', () => {
    const original = new ConnectorError('timeout', 'already mapped');
    expect(mapSesError(original, context)).toBe(original);
  });

  it("drops the response stream the SDK hides on the cause: it leads to the request's headers", () => {
    const original = new MessageRejected({ message: 'rejected', $metadata: meta });
    // As the SDK does: a hidden, read-only $response whose body stream reaches the request.
    const request = { _header: 'x-amz-security-token: SESSION-TOKEN-VALUE\r\n' };
    const response = {
      statusCode: 400,
      headers: { 'x-amzn-requestid': 'req-1' },
      body: { socket: { _httpMessage: request } },
    };
    Object.defineProperty(original, '$response', { value: response, enumerable: false });

    const error = mapSesError(original, context);
    expect(error.cause).toBe(original);
    expect(inspect(error, { depth: null, showHidden: true })).not.toContain('SESSION-TOKEN-VALUE');
    expect((original as unknown as { $response: unknown }).$response).toEqual({
      statusCode: 400,
      headers: { 'x-amzn-requestid': 'req-1' },
      body: undefined,
    });
  });
});
