import { SESv2Client } from '@aws-sdk/client-sesv2';
import { ConnectorError, type EmailConnector } from '@org/connector-core';
import type { Fault } from '@org/mock-ses';
import { useMockSes } from '@org/mock-ses/vitest';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { captureWire } from '../test/wire-capture.js';
import { createAwsSesConnector } from './index.js';

const mock = useMockSes({
  identities: ['acme.test'],
  configurationSets: ['transactional'],
  credentials: {
    accessKeyId: fakeCredentials.accessKeyId,
    secretAccessKey: fakeCredentials.accessKeySecret,
  },
});

const baseConfig = {
  ...fakeCredentials,
  region: 'us-east-1',
  emailAddress: 'Acme <noreply@acme.test>',
  templates,
};

let connector: EmailConnector | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
  vi.unstubAllEnvs();
});

function connect(overrides: Record<string, unknown> = {}): EmailConnector {
  connector = createAwsSesConnector({ ...baseConfig, ...overrides });
  return connector;
}

async function sendError(
  ses: EmailConnector,
  to = 'ada@example.com',
  signal?: AbortSignal,
): Promise<ConnectorError> {
  try {
    await ses.sendMessage({ to, type: 'SignIn', payload: { code: '123456' } }, { signal });
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
}

const wire = captureWire(mock.server);

/** The attempt numbers SES saw for SendEmail, from the mock's request log. */
const sendAttempts = () => mock.requests.operations('SendEmail').map((entry) => entry.attempt);

interface Row {
  fault: Fault;
  times?: number;
  code: string;
  retryable: boolean;
  providerCode: string;
  hint: RegExp;
  attempts: number;
}

// maxAttempts 2 keeps the SDK's own backoff short while still showing the retry.
const table: Record<string, Row> = {
  TooManyRequestsException: {
    fault: 'TooManyRequestsException',
    times: 2,
    code: 'rate_limit_exceeded',
    retryable: true,
    providerCode: 'TooManyRequestsException',
    hint: /Slow down .* request a higher sending rate/,
    attempts: 2,
  },
  LimitExceededException: {
    fault: { kind: 'LimitExceededException', message: 'Maximum sending rate exceeded.' },
    times: 2,
    code: 'rate_limit_exceeded',
    retryable: true,
    providerCode: 'LimitExceededException',
    hint: /request a higher sending rate/,
    attempts: 2,
  },
  'daily quota (LimitExceededException)': {
    fault: { kind: 'LimitExceededException', message: 'Daily message quota exceeded.' },
    code: 'usage_limit_exceeded',
    retryable: false,
    providerCode: 'LimitExceededException',
    hint: /daily quota is exhausted .*rolling 24-hour window/,
    attempts: 1,
  },
  SendingPausedException: {
    fault: 'SendingPausedException',
    code: 'usage_limit_exceeded',
    retryable: false,
    providerCode: 'SendingPausedException',
    hint: /Sending is paused for this account in region us-east-1/,
    attempts: 1,
  },
  AccountSuspendedException: {
    fault: 'AccountSuspendedException',
    code: 'usage_limit_exceeded',
    retryable: false,
    providerCode: 'AccountSuspendedException',
    hint: /suspended.*contact AWS Support/,
    attempts: 1,
  },
  MessageRejected: {
    fault: 'MessageRejected',
    code: 'message_rejected',
    retryable: false,
    providerCode: 'MessageRejected',
    hint: /Verify the sender identity noreply@acme\.test .*region us-east-1/,
    attempts: 1,
  },
  MailFromDomainNotVerifiedException: {
    fault: 'MailFromDomainNotVerifiedException',
    code: 'message_rejected',
    retryable: false,
    providerCode: 'MailFromDomainNotVerifiedException',
    hint: /custom MAIL FROM domain/,
    attempts: 1,
  },
  NotFoundException: {
    fault: 'NotFoundException',
    code: 'invalid_config',
    retryable: false,
    providerCode: 'NotFoundException',
    hint: /must exist in region us-east-1/,
    attempts: 1,
  },
  BadRequestException: {
    fault: { kind: 'BadRequestException', message: 'Illegal address in ToAddresses.' },
    code: 'invalid_request_parameters',
    retryable: false,
    providerCode: 'BadRequestException',
    hint: /SES says: "Illegal address in ToAddresses\."/,
    attempts: 1,
  },
  AccessDeniedException: {
    fault: 'AccessDeniedException',
    code: 'authorization_failed',
    retryable: false,
    providerCode: 'AccessDeniedException',
    hint: /lacks the permission ses:SendEmail/,
    attempts: 1,
  },
  ExpiredTokenException: {
    fault: 'ExpiredTokenException',
    code: 'authorization_failed',
    retryable: false,
    providerCode: 'ExpiredTokenException',
    hint: /temporary credentials .* expired/,
    attempts: 1,
  },
  'internal_error (500)': {
    fault: 'internal_error',
    times: 2,
    code: 'provider_unavailable',
    retryable: true,
    providerCode: 'InternalServiceErrorException',
    hint: /transient SES fault; retry later/,
    attempts: 2,
  },
  'service_unavailable (503)': {
    fault: 'service_unavailable',
    times: 2,
    code: 'provider_unavailable',
    retryable: true,
    providerCode: 'HTTP 503',
    hint: /transient SES fault/,
    attempts: 2,
  },
  'network_error (connection reset)': {
    fault: 'network_error',
    times: 2,
    code: 'provider_unavailable',
    retryable: true,
    providerCode: 'ECONNRESET',
    hint: /connection to SES failed/,
    attempts: 2,
  },
};

describe('SES errors through the mock', () => {
  it.each(Object.entries(table))('%s', async (_name, row) => {
    mock.faults.next(row.fault, { times: row.times ?? 1 });
    const error = await sendError(connect({ maxAttempts: 2 }));
    expect(error).toMatchObject({
      code: row.code,
      retryable: row.retryable,
      provider: 'aws-ses',
      attempts: row.attempts,
    });
    expect(error.hint).toMatch(row.hint);
    expect(error.providerCode).toBe(row.providerCode);
    expect(error.cause).toBeInstanceOf(Error);
    expect(sendAttempts()).toEqual(Array.from({ length: row.attempts }, (_, i) => i + 1));
    expect(mock.outbox.size).toBe(0);
    if (row.fault !== 'network_error') expect(error.requestId).toMatch(/\S/);
  });

  it('succeeds after a throttled attempt and reports both attempts', async () => {
    mock.faults.next('TooManyRequestsException');
    const result = await connect().sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '123456' },
    });
    expect(result.attempts).toBe(2);
    expect(sendAttempts()).toEqual([1, 2]);
    expect(mock.outbox.size).toBe(1);
  });

  it('fails with general when SES answers without a MessageId', async () => {
    mock.server.use(
      http.post('https://email.us-east-1.amazonaws.com/v2/email/outbound-emails', () =>
        HttpResponse.json({}, { headers: { 'x-amzn-RequestId': 'req-empty' } }),
      ),
    );
    const error = await sendError(connect());
    expect(error).toMatchObject({ code: 'general', retryable: false, requestId: 'req-empty' });
    expect(error.message).toMatch(/no MessageId/);
  });

  it('maps an unverified sender to message_rejected naming the identity and the region', async () => {
    const error = await sendError(connect({ emailAddress: 'noreply@unverified.test' }));
    expect(error).toMatchObject({
      code: 'message_rejected',
      retryable: false,
      providerCode: 'MessageRejected',
      attempts: 1,
    });
    expect(error.hint).toMatch(/sender identity noreply@unverified\.test .*region us-east-1/);
    expect(error.hint).toMatch(/sandbox, every recipient must be verified too/);
    expect(sendAttempts()).toEqual([1]);
  });

  it('maps an unverified sandbox recipient to message_rejected naming the recipient', async () => {
    mock.account.sandbox = true;
    const error = await sendError(connect());
    expect(error.code).toBe('message_rejected');
    expect(error.hint).toMatch(
      /recipient ada@example\.com is not a verified identity in region us-east-1/,
    );
    expect(error.hint).toMatch(/SES sandbox/);
  });

  it('maps the real daily quota to usage_limit_exceeded without retrying', async () => {
    mock.account.max24HourSend = 1;
    const ses = connect();
    await ses.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    const error = await sendError(ses);
    expect(error).toMatchObject({ code: 'usage_limit_exceeded', retryable: false, attempts: 1 });
    expect(sendAttempts()).toEqual([1, 1]);
  });

  it('maps a missing configuration set to invalid_config naming it', async () => {
    const error = await sendError(connect({ configurationSetName: 'missing-set' }));
    expect(error.code).toBe('invalid_config');
    expect(error.hint).toMatch(/configuration set missing-set exists in region us-east-1/);
  });

  it('maps a wrong secret to authorization_failed (InvalidSignatureException)', async () => {
    const error = await sendError(connect({ accessKeySecret: 'not-the-right-secret' }));
    expect(error).toMatchObject({
      code: 'authorization_failed',
      retryable: false,
      providerCode: 'InvalidSignatureException',
      attempts: 1,
    });
    expect(error.hint).toMatch(/accessKeySecret/);
    expect(error.message).not.toContain('not-the-right-secret');
  });

  it('maps an unknown key to authorization_failed (UnrecognizedClientException)', async () => {
    const error = await sendError(connect({ accessKeyId: 'AKIAUNKNOWNKEY000000' }));
    expect(error).toMatchObject({
      code: 'authorization_failed',
      providerCode: 'UnrecognizedClientException',
    });
    expect(error.hint).toMatch(/accessKeyId/);
  });

  it('maps a failing default credential chain to authorization_failed', async () => {
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
    ]) {
      vi.stubEnv(name, undefined);
    }
    // Keep the chain local: no instance metadata, no profile files.
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/credentials');
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/config');
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', undefined);
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', undefined);
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', undefined);
    const error = await sendError(connect({ accessKeyId: undefined, accessKeySecret: undefined }));
    expect(error.code).toBe('authorization_failed');
    expect(error.providerCode).toBe('CredentialsProviderError');
    expect(error.hint).toMatch(/default credential chain/);
    expect(mock.requests.size).toBe(0);
  });

  it('times out an attempt that takes longer than requestTimeoutMs, and retries it', async () => {
    mock.faults.next({ kind: 'latency', latencyMs: 3_000 }, { times: 2 });
    const error = await sendError(connect({ requestTimeoutMs: 150, maxAttempts: 2 }));
    expect(error).toMatchObject({
      code: 'timeout',
      retryable: true,
      providerCode: 'TimeoutError',
      attempts: 2,
    });
    expect(error.message).toContain('requestTimeoutMs 150');
    expect(error.hint).toMatch(/may still have been delivered/);
    // Both attempts are still sleeping in the mock, so they are not in its log yet.
    expect(wire.sendEmailAttempts()).toEqual([1, 2]);
  });

  it('succeeds when only the first attempt is slow', async () => {
    mock.faults.next({ kind: 'latency', latencyMs: 3_000 });
    const result = await connect({ requestTimeoutMs: 150 }).sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '123456' },
    });
    expect(result.attempts).toBe(2);
  });

  it('rejects with aborted when the caller aborts mid-request', async () => {
    mock.faults.next({ kind: 'latency', latencyMs: 3_000 }, { times: 3 });
    const controller = new AbortController();
    const abortOnStart = () => controller.abort();
    const send = vi.spyOn(SESv2Client.prototype, 'send');
    mock.server.events.on('request:start', abortOnStart);
    try {
      const error = await sendError(connect(), 'ada@example.com', controller.signal);
      expect(error.code).toBe('aborted');
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/AbortSignal/);
      expect(mock.outbox.size).toBe(0);
      // The signal reached the SDK call, which tears the request down instead of retrying.
      const sdkSignal = (send.mock.calls[0]?.[1] as { abortSignal?: AbortSignal } | undefined)
        ?.abortSignal;
      expect(sdkSignal?.aborted).toBe(true);
    } finally {
      send.mockRestore();
      mock.server.events.removeListener('request:start', abortOnStart);
    }
  });
});
