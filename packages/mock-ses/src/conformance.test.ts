import {
  LimitExceededException,
  MessageRejected,
  SESv2ServiceException,
  SendEmailCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createSesProviderMock } from './conformance.js';
import { rejectionOf, simpleEmail, testClient, useMswForSes } from './testing/ses-test-harness.js';

const msw = useMswForSes();

function setup() {
  const mock = msw.mockSes();
  return { mock, provider: createSesProviderMock(mock), client: testClient() };
}

describe('createSesProviderMock', () => {
  it('sent() gives delivered emails in the provider-neutral shape', async () => {
    const { provider, client } = setup();
    await client.send(
      new SendEmailCommand(
        simpleEmail({
          EmailTags: [{ Name: 'usage', Value: 'Register' }],
          Content: {
            Simple: {
              Subject: { Data: 'Hi' },
              Body: { Html: { Data: '<p>x</p>' } },
              Headers: [{ Name: 'X-Ref', Value: '1' }],
            },
          },
        }),
      ),
    );
    expect(provider.sent()).toEqual([
      {
        messageId: expect.stringMatching(/-000000$/),
        from: 'noreply@acme.test',
        fromHeader: 'Acme <noreply@acme.test>',
        to: ['user@example.com'],
        cc: [],
        bcc: [],
        recipients: ['user@example.com'],
        replyTo: [],
        subject: 'Hi',
        html: '<p>x</p>',
        text: '',
        headers: { 'X-Ref': '1' },
        rawHeaders: [{ name: 'X-Ref', value: '1' }],
        tags: { usage: 'Register' },
      },
    ]);
  });

  it('sent() gives the bare Reply-To addresses, display names dropped', async () => {
    const { provider, client } = setup();
    await client.send(
      new SendEmailCommand(
        simpleEmail({ ReplyToAddresses: ['"Help, Desk" <help@acme.test>', 'billing@acme.test'] }),
      ),
    );
    expect(provider.sent().map((email) => email.replyTo)).toEqual([
      ['help@acme.test', 'billing@acme.test'],
    ]);
  });

  it.each([
    ['throttle', TooManyRequestsException, 'Maximum sending rate exceeded.', 429],
    ['quota_exhausted', LimitExceededException, 'Daily message quota exceeded.', 400],
    [
      'rejected_identity',
      MessageRejected,
      'Email address is not verified. The following identities failed the check in region US-EAST-1: noreply@acme.test',
      400,
    ],
  ] as const)(
    'inject(%s) answers the matching SES exception',
    async (kind, exceptionClass, message, status) => {
      const { provider, client } = setup();
      provider.inject(kind, { times: 3 });
      const error = await rejectionOf(client.send(new SendEmailCommand(simpleEmail())));
      expect(error).toBeInstanceOf(exceptionClass);
      expect(error.message).toBe(message);
      expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(status);
    },
  );

  it('inject(auth_failure) answers 403 UnrecognizedClientException, not retried', async () => {
    const { provider, client } = setup();
    provider.inject('auth_failure');
    const error = await rejectionOf(client.send(new SendEmailCommand(simpleEmail())));
    expect(error).toBeInstanceOf(SESv2ServiceException);
    expect(error.name).toBe('UnrecognizedClientException');
    expect(provider.requestCount()).toBe(1);
  });

  it('inject(unavailable) and inject(network_error) are retried: requestCount counts every attempt', async () => {
    const { provider, client } = setup();
    provider.inject('unavailable', { times: 1 });
    provider.inject('network_error', { times: 1 });
    const output = await client.send(new SendEmailCommand(simpleEmail()));
    expect(output.$metadata.attempts).toBe(3);
    expect(provider.requestCount()).toBe(3);
    expect(provider.sent()).toHaveLength(1);
  });

  it('inject(latency) delays the send, which then succeeds', async () => {
    const { provider, client, mock } = setup();
    provider.inject('latency', { latencyMs: 25 });
    await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.requests.operations()[0]?.fault).toBe('latency(25ms)');
    expect(provider.sent()).toHaveLength(1);
  });

  it('faults hit sends only, and reset() clears mail, counts and faults', async () => {
    const { provider, client, mock } = setup();
    provider.inject('rejected_identity');
    const response = await mock.handle(new Request('http://x/v2/email/account'));
    expect(response.status).toBe(200);
    provider.reset();
    expect(provider.requestCount()).toBe(0);
    await client.send(new SendEmailCommand(simpleEmail()));
    expect(provider.sent()).toHaveLength(1);
  });
});
