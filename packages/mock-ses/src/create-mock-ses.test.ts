import { GetAccountCommand, SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createMockSes } from './create-mock-ses.js';
import { rejectionOf, simpleEmail, testClient, useMswForSes } from './testing/ses-test-harness.js';

const msw = useMswForSes();

describe('createMockSes through msw with the real SESv2Client', () => {
  it('accepts a SendEmail and stores the normalized message under the id the client got', async () => {
    const mock = msw.mockSes();
    const output = await testClient().send(
      new SendEmailCommand(
        simpleEmail({
          Destination: {
            ToAddresses: ['a@example.com'],
            CcAddresses: ['c@example.com'],
            BccAddresses: ['b@example.com'],
          },
          ReplyToAddresses: ['reply@acme.test'],
          EmailTags: [{ Name: 'usage', Value: 'SignIn' }],
        }),
      ),
    );
    expect(output.MessageId).toMatch(
      /^[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-000000$/,
    );
    expect(output.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const message = mock.outbox.get(output.MessageId as string);
    expect(message).toMatchObject({
      messageId: output.MessageId,
      requestId: output.$metadata.requestId,
      region: 'us-east-1',
      operation: 'SendEmail',
      contentKind: 'Simple',
      from: 'Acme <noreply@acme.test>',
      fromAddress: 'noreply@acme.test',
      to: ['a@example.com'],
      cc: ['c@example.com'],
      bcc: ['b@example.com'],
      replyTo: ['reply@acme.test'],
      subject: 'Your code',
      text: 'Code: 123456',
      html: '<p>Code: <b>123456</b></p>',
      tags: { usage: 'SignIn' },
    });
    expect(mock.outbox.size).toBe(1);
    expect(mock.outbox.last()?.messageId).toBe(output.MessageId);
  });

  it('logs every request with the SDK invocation id and attempt number', async () => {
    const mock = msw.mockSes();
    const client = testClient();
    await client.send(new SendEmailCommand(simpleEmail()));
    mock.faults.next('TooManyRequestsException');
    await client.send(new SendEmailCommand(simpleEmail()));
    const entries = mock.requests.operations('SendEmail');
    expect(entries.map((e) => [e.attempt, e.maxAttempts, e.status])).toEqual([
      [1, 3, 200],
      [1, 3, 429],
      [2, 3, 200],
    ]);
    expect(entries[1]?.invocationId).toBeDefined();
    expect(entries[1]?.invocationId).toBe(entries[2]?.invocationId);
    expect(entries[0]?.invocationId).not.toBe(entries[1]?.invocationId);
    expect(entries[0]?.accessKeyId).toBe('AKIDEXAMPLE');
  });

  it('keeps two instances apart: each sees only its own mail', async () => {
    const first = createMockSes({ endpoints: ['http://first.mock.test'] });
    const second = createMockSes({ endpoints: ['http://second.mock.test'] });
    msw.server.use(...first.handlers, ...second.handlers);
    await testClient({ endpoint: 'http://first.mock.test' }).send(
      new SendEmailCommand(simpleEmail({ Destination: { ToAddresses: ['one@example.com'] } })),
    );
    await testClient({ endpoint: 'http://second.mock.test' }).send(
      new SendEmailCommand(simpleEmail({ Destination: { ToAddresses: ['two@example.com'] } })),
    );
    expect(first.outbox.all().map((m) => m.to)).toEqual([['one@example.com']]);
    expect(second.outbox.all().map((m) => m.to)).toEqual([['two@example.com']]);
    expect(first.requests.size).toBe(1);
    expect(second.requests.size).toBe(1);
  });

  it('serves an endpoint with a base path', async () => {
    const mock = createMockSes({ endpoints: ['http://proxy.test/ses/'] });
    msw.server.use(...mock.handlers);
    await testClient({ endpoint: 'http://proxy.test/ses' }).send(
      new SendEmailCommand(simpleEmail()),
    );
    expect(mock.outbox.size).toBe(1);
  });

  it('answers every regional SES endpoint', async () => {
    const mock = msw.mockSes({ region: 'eu-west-1' });
    const output = await testClient({ region: 'eu-west-1' }).send(new GetAccountCommand({}));
    expect(output.SendingEnabled).toBe(true);
    expect(mock.requests.all()[0]?.path).toBe('/v2/email/account');
  });

  it('reset() empties outbox, request log and faults', async () => {
    const mock = msw.mockSes();
    await testClient().send(new SendEmailCommand(simpleEmail()));
    mock.faults.next('MessageRejected', { times: 5 });
    mock.reset();
    expect(mock.outbox.size).toBe(0);
    expect(mock.requests.size).toBe(0);
    expect(mock.faults.pending()).toEqual([]);
    await testClient().send(new SendEmailCommand(simpleEmail()));
    expect(mock.outbox.size).toBe(1);
  });

  it('rejects endpoints that are not absolute URLs', () => {
    expect(() => createMockSes({ endpoints: ['localhost:4566'] })).toThrow(
      /endpoints\.0 must be an absolute http\(s\) URL/,
    );
  });
});

describe('handle() as a fetch-style engine', () => {
  it('answers an unknown operation with 404 UnknownOperationException, typed for the SDK', async () => {
    const mock = createMockSes();
    const response = await mock.handle(
      new Request('https://email.us-east-1.amazonaws.com/v2/email/nope', { method: 'POST' }),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      __type: 'UnknownOperationException',
      message: 'No SES v2 operation matches POST /v2/email/nope.',
    });
    expect(mock.requests.all()[0]).toMatchObject({ operation: 'Unknown', status: 404 });
    expect(mock.requests.operations()).toEqual([]);
  });

  it('gives an unknown operation to the SDK as a service exception named by the type', async () => {
    const mock = msw.mockSes();
    mock.faults.next({
      kind: 'custom',
      status: 404,
      type: 'UnknownOperationException',
      message: 'x',
    });
    const error = await rejectionOf(testClient().send(new SendEmailCommand(simpleEmail())));
    expect(error).toBeInstanceOf(SESv2ServiceException);
    expect(error.name).toBe('UnknownOperationException');
  });

  it('answers a body that is not JSON with BadRequestException', async () => {
    const mock = createMockSes();
    const response = await mock.handle(
      new Request('http://x/v2/email/outbound-emails', { method: 'POST', body: '{oops' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect((await response.json()).message).toMatch(/^Could not parse the request body as JSON/);
  });

  it('turns a bug in a subscriber into nothing worse than a missed notification', async () => {
    const mock = createMockSes();
    mock.outbox.subscribe(() => {
      throw new Error('listener bug');
    });
    const response = await mock.handle(
      new Request('http://x/v2/email/outbound-emails', {
        method: 'POST',
        body: JSON.stringify(simpleEmail()),
      }),
    );
    expect(response.status).toBe(200);
    expect(mock.outbox.size).toBe(1);
  });
});
