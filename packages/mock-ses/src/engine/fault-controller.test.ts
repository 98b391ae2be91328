import {
  AccountSuspendedException,
  AlreadyExistsException,
  BadRequestException,
  ConflictException,
  GetAccountCommand,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SESv2ServiceException,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it, vi } from 'vitest';
import { createMockSes } from '../create-mock-ses.js';
import { rejectionOf, simpleEmail, testClient, useMswForSes } from '../testing/ses-test-harness.js';
import type { Fault } from '../types.js';

const msw = useMswForSes();

interface Meta {
  httpStatusCode?: number;
  attempts: number;
}

async function sendWithFault(fault: Fault, times = 1) {
  const mock = msw.mockSes();
  mock.faults.next(fault, { times });
  const error = await rejectionOf(testClient().send(new SendEmailCommand(simpleEmail())));
  return { error, meta: error.$metadata as Meta, mock };
}

describe('injected SES exceptions reach the SDK as their classes, retried as against SES', () => {
  it.each([
    ['MessageRejected', MessageRejected, 400, 1],
    ['BadRequestException', BadRequestException, 400, 1],
    ['AccountSuspendedException', AccountSuspendedException, 400, 1],
    ['SendingPausedException', SendingPausedException, 400, 1],
    ['MailFromDomainNotVerifiedException', MailFromDomainNotVerifiedException, 400, 1],
    ['NotFoundException', NotFoundException, 404, 1],
    ['AlreadyExistsException', AlreadyExistsException, 400, 1],
    ['ConflictException', ConflictException, 409, 1],
    // Throttling: retried to maxAttempts.
    ['TooManyRequestsException', TooManyRequestsException, 429, 3],
    ['LimitExceededException', LimitExceededException, 400, 3],
  ] as const)('%s', async (name, exceptionClass, status, attempts) => {
    const { error, meta, mock } = await sendWithFault(name, 5);
    expect(error).toBeInstanceOf(exceptionClass);
    expect(error.name).toBe(name);
    expect(meta.httpStatusCode).toBe(status);
    expect(meta.attempts).toBe(attempts);
    const log = mock.requests.operations('SendEmail');
    expect(log).toHaveLength(attempts);
    expect(log.every((e) => e.fault === name && e.errorType === name && e.status === status)).toBe(
      true,
    );
    expect(mock.outbox.size).toBe(0);
  });

  it.each([
    ['InvalidSignatureException', 403],
    ['UnrecognizedClientException', 403],
    ['MissingAuthenticationTokenException', 403],
    ['AccessDeniedException', 403],
    ['ExpiredTokenException', 403],
  ] as const)('%s arrives as a named service exception with status %i', async (name, status) => {
    const { error, meta } = await sendWithFault(name);
    expect(error).toBeInstanceOf(SESv2ServiceException);
    expect(error.name).toBe(name);
    expect(meta.httpStatusCode).toBe(status);
  });

  it('MessageRejected names the request sender; TooManyRequests and LimitExceeded carry SES texts', async () => {
    expect((await sendWithFault('MessageRejected')).error.message).toBe(
      'Email address is not verified. The following identities failed the check in region US-EAST-1: noreply@acme.test',
    );
    expect((await sendWithFault('TooManyRequestsException', 3)).error.message).toBe(
      'Maximum sending rate exceeded.',
    );
    expect((await sendWithFault('LimitExceededException', 3)).error.message).toBe(
      'Daily message quota exceeded.',
    );
    expect(
      (await sendWithFault({ kind: 'MessageRejected', message: 'Content rejected.' })).error
        .message,
    ).toBe('Content rejected.');
  });

  it('a throttle that clears before maxAttempts lets the call succeed', async () => {
    const mock = msw.mockSes();
    mock.faults.next('TooManyRequestsException', { times: 2 });
    const output = await testClient().send(new SendEmailCommand(simpleEmail()));
    expect(output.$metadata.attempts).toBe(3);
    expect(mock.outbox.size).toBe(1);
    expect(mock.requests.operations('SendEmail').map((e) => e.status)).toEqual([429, 429, 200]);
  });
});

describe('transport-level faults', () => {
  it('internal_error: 500 InternalServiceErrorException, retried', async () => {
    const { error, meta, mock } = await sendWithFault('internal_error', 3);
    expect(error).toBeInstanceOf(SESv2ServiceException);
    expect(error.name).toBe('InternalServiceErrorException');
    expect(meta.httpStatusCode).toBe(500);
    expect(meta.attempts).toBe(3);
    expect(mock.requests.operations()).toHaveLength(3);
  });

  it('service_unavailable: 503 with no error type, retried', async () => {
    const mock = createMockSes();
    mock.faults.next('service_unavailable');
    const response = await mock.handle(new Request('http://x/v2/email/account'));
    expect(response.status).toBe(503);
    expect(response.headers.get('x-amzn-errortype')).toBeNull();
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });

    const { error, meta, mock: viaSdk } = await sendWithFault('service_unavailable', 3);
    expect(error).toBeInstanceOf(SESv2ServiceException);
    expect(error.message).toBe('Service Unavailable');
    expect(meta.httpStatusCode).toBe(503);
    expect(meta.attempts).toBe(3);
    expect(viaSdk.requests.operations().map((e) => e.status)).toEqual([503, 503, 503]);
  });

  it('network_error: handle() answers Response.error(); through msw the SDK sees a reset and retries', async () => {
    const engine = createMockSes();
    engine.faults.next('network_error');
    const response = await engine.handle(new Request('http://x/v2/email/account'));
    expect(response.type).toBe('error');

    const { error, meta, mock } = await sendWithFault('network_error', 3);
    expect(error.code).toBe('ECONNRESET');
    expect(meta.attempts).toBe(3);
    expect(mock.requests.operations().map((e) => [e.fault, e.errorType])).toEqual([
      ['network_error', 'NetworkError'],
      ['network_error', 'NetworkError'],
      ['network_error', 'NetworkError'],
    ]);
  });

  it('custom: any status, type and message', async () => {
    const { error, meta } = await sendWithFault({
      kind: 'custom',
      status: 418,
      type: 'TeapotException',
      message: 'short and stout',
    });
    expect(error).toBeInstanceOf(SESv2ServiceException);
    expect(error.name).toBe('TeapotException');
    expect(error.message).toBe('short and stout');
    expect(meta.httpStatusCode).toBe(418);
  });

  it('latency alone delays, then the request succeeds; combined with an error it delays then fails', async () => {
    const mock = msw.mockSes();
    mock.faults.next({ kind: 'latency', latencyMs: 30 });
    await testClient().send(new SendEmailCommand(simpleEmail()));
    expect(mock.outbox.size).toBe(1);
    expect(mock.requests.operations()[0]?.fault).toBe('latency(30ms)');

    const { error, mock: combined } = await sendWithFault({
      kind: 'MessageRejected',
      latencyMs: 20,
    });
    expect(error).toBeInstanceOf(MessageRejected);
    expect(combined.requests.operations()[0]?.fault).toBe('MessageRejected+latency(20ms)');
  });

  it('latency honours the request signal: an aborted request leaves no pending timer', async () => {
    const mock = createMockSes();
    mock.faults.latency(60_000);
    const controller = new AbortController();
    const pending = mock.handle(
      new Request('http://x/v2/email/account', { signal: controller.signal }),
    );
    controller.abort();
    const response = await pending;
    expect(response.type).toBe('error');
    expect(mock.requests.all()[0]).toMatchObject({ status: 499, errorType: 'ClientAborted' });
  });

  it('a client timeout during latency fails the call, yet SES (the mock) may still deliver it', async () => {
    const mock = msw.mockSes();
    // The client gives up once the mock holds the request, however busy the machine is.
    const giveUp = new AbortController();
    const stop = mock.faults.when(
      () => {
        stop();
        setTimeout(() => giveUp.abort(), 20);
        return true;
      },
      { kind: 'latency', latencyMs: 200 },
    );
    const error = await rejectionOf(
      testClient({ maxAttempts: 1 }).send(new SendEmailCommand(simpleEmail()), {
        abortSignal: giveUp.signal,
      }),
    );
    expect(error.name).toBe('AbortError');
    // msw cannot tell the engine the client left, so the request completes on the "server":
    // exactly the real-world case where a retry after a timeout sends the mail twice.
    await vi.waitFor(() => expect(mock.outbox.size).toBe(1), { timeout: 2000 });
  });
});

describe('FaultController', () => {
  it('next() limits a fault to an operation and counts down its uses', async () => {
    const mock = msw.mockSes();
    const client = testClient();
    mock.faults.next('MessageRejected', { times: 2, operation: 'SendEmail' });
    await client.send(new GetAccountCommand({}));
    expect(mock.faults.pending()).toEqual([{ fault: 'MessageRejected', remaining: 2 }]);
    await rejectionOf(client.send(new SendEmailCommand(simpleEmail())));
    await rejectionOf(client.send(new SendEmailCommand(simpleEmail())));
    await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.faults.pending()).toEqual([]);
    expect(mock.outbox.size).toBe(1);
  });

  it('when() applies to matching requests until removed', async () => {
    const mock = msw.mockSes();
    const client = testClient();
    const remove = mock.faults.when(
      (request) => JSON.stringify(request.body).includes('blocked@example.com'),
      'MessageRejected',
    );
    const blocked = simpleEmail({ Destination: { ToAddresses: ['blocked@example.com'] } });
    await rejectionOf(client.send(new SendEmailCommand(blocked)));
    await rejectionOf(client.send(new SendEmailCommand(blocked)));
    await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.faults.pending()).toEqual([{ fault: 'MessageRejected', remaining: 'always' }]);
    remove();
    await client.send(new SendEmailCommand(blocked));
    expect(mock.outbox.all().map((m) => m.to[0])).toEqual([
      'user@example.com',
      'blocked@example.com',
    ]);
  });

  it('random() is deterministic for a seed', async () => {
    const outcomes = async (seed: number) => {
      const mock = createMockSes();
      mock.faults.random({ rate: 0.5, faults: ['MessageRejected', 'BadRequestException'], seed });
      const statuses: string[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await mock.handle(new Request('http://x/v2/email/account'));
        statuses.push(response.headers.get('x-amzn-errortype') ?? 'ok');
      }
      return statuses;
    };
    const first = await outcomes(42);
    expect(await outcomes(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['ok', 'MessageRejected', 'BadRequestException']));
    expect(await outcomes(7)).not.toEqual(first);
  });

  it('rejects nonsense arguments with a message that names them', () => {
    const mock = createMockSes();
    expect(() => mock.faults.next('MessageRejected', { times: 0 })).toThrow(
      /times must be a positive integer, got 0/,
    );
    expect(() => mock.faults.random({ rate: 2, faults: ['MessageRejected'] })).toThrow(
      /rate must be within 0..1/,
    );
    expect(() => mock.faults.random({ rate: 0.5, faults: [] })).toThrow(/faults is empty/);
    expect(() => mock.faults.latency(-1)).toThrow(/ms must be >= 0/);
  });

  it('does not apply to unknown routes', async () => {
    const mock = createMockSes();
    mock.faults.next('MessageRejected');
    const response = await mock.handle(new Request('http://x/v2/email/unknown-thing'));
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(mock.faults.pending()).toHaveLength(1);
  });
});
