import {
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListEmailTemplatesCommand,
  SESv2ServiceException,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createMockSes } from '../create-mock-ses.js';
import { rejectionOf, simpleEmail, testClient, useMswForSes } from '../testing/ses-test-harness.js';

const msw = useMswForSes();
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function signedMock(extra: Parameters<typeof createMockSes>[0] = {}) {
  return msw.mockSes({ credentials, ...extra });
}

async function failure(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(SESv2ServiceException);
  return {
    name: error.name,
    message: error.message,
    status: (error.$metadata as { httpStatusCode: number }).httpStatusCode,
  };
}

describe('SigV4 verification', () => {
  it('accepts requests signed with a configured key, for every operation shape (body, path, query)', async () => {
    const mock = signedMock({ identities: ['acme.test', 'user@example.com'] });
    const client = testClient();
    await client.send(new SendEmailCommand(simpleEmail()));
    await client.send(new GetAccountCommand({}));
    await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'user@example.com' }));
    await client.send(new ListEmailTemplatesCommand({ PageSize: 5, NextToken: '0' }));
    expect(mock.outbox.size).toBe(1);
    expect(mock.requests.operations().map((e) => [e.operation, e.status, e.accessKeyId])).toEqual([
      ['SendEmail', 200, 'AKIDEXAMPLE'],
      ['GetAccount', 200, 'AKIDEXAMPLE'],
      ['GetEmailIdentity', 200, 'AKIDEXAMPLE'],
      ['ListEmailTemplates', 200, 'AKIDEXAMPLE'],
    ]);
  });

  it('accepts any of several configured keys', async () => {
    msw.mockSes({ credentials: [{ accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' }, credentials] });
    await testClient().send(new GetAccountCommand({}));
  });

  it('rejects a wrong secret with InvalidSignatureException (403, not retried)', async () => {
    const mock = signedMock();
    const error = await failure(
      testClient({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wrong' } }).send(
        new SendEmailCommand(simpleEmail()),
      ),
    );
    expect(error).toEqual({
      name: 'InvalidSignatureException',
      status: 403,
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });
    expect(mock.requests.operations()).toHaveLength(1);
    expect(mock.outbox.size).toBe(0);
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    signedMock();
    expect(
      await failure(
        testClient({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'secret' } }).send(
          new GetAccountCommand({}),
        ),
      ),
    ).toEqual({
      name: 'UnrecognizedClientException',
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('rejects a tampered body even though its x-amz-content-sha256 still matches the signature', async () => {
    const mock = signedMock();
    let original: Request | undefined;
    // Capture a genuinely signed request, then replay it with a different body.
    msw.server.use(
      http.post('http://capture.test/v2/email/outbound-emails', ({ request }) => {
        original = request.clone();
        return new Response('{"MessageId":"x"}', {
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
    await testClient({ endpoint: 'http://capture.test' }).send(new SendEmailCommand(simpleEmail()));
    expect(original).toBeDefined();
    if (!original) return;
    const body = (await original.text()).replace('user@example.com', 'attacker@example.com');
    const replay = (text: string) =>
      mock.handle(
        new Request(original?.url as string, {
          method: 'POST',
          headers: original?.headers,
          body: text,
        }),
      );
    const tampered = await replay(body);
    expect(tampered.status).toBe(403);
    expect(tampered.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    const untouched = await replay(body.replace('attacker@example.com', 'user@example.com'));
    expect(untouched.status).toBe(200);
    expect(mock.outbox.all().map((m) => m.to)).toEqual([['user@example.com']]);
  });

  it('rejects a request without authorization with MissingAuthenticationTokenException', async () => {
    const mock = createMockSes({ credentials });
    const response = await mock.handle(
      new Request('https://email.us-east-1.amazonaws.com/v2/email/account'),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await response.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('rejects a credential scoped to another region', async () => {
    signedMock({ region: 'eu-west-1' });
    // The client signs for us-east-1 but is pointed at the eu-west-1 endpoint.
    const error = await failure(
      testClient({ endpoint: 'https://email.eu-west-1.amazonaws.com' }).send(
        new GetAccountCommand({}),
      ),
    );
    expect(error).toEqual({
      name: 'InvalidSignatureException',
      status: 403,
      message: "Credential should be scoped to a valid region, not 'us-east-1'.",
    });
  });

  it('checks the session token when one is configured', async () => {
    signedMock({ credentials: { ...credentials, sessionToken: 'token-1' } });
    await testClient({ credentials: { ...credentials, sessionToken: 'token-1' } }).send(
      new GetAccountCommand({}),
    );
    expect(
      (
        await failure(
          testClient({ credentials: { ...credentials, sessionToken: 'token-2' } }).send(
            new GetAccountCommand({}),
          ),
        )
      ).name,
    ).toBe('UnrecognizedClientException');
    expect((await failure(testClient().send(new GetAccountCommand({})))).name).toBe(
      'UnrecognizedClientException',
    );
  });

  it('refuses SigV4a with a message that says what to do', async () => {
    const mock = createMockSes({ credentials });
    const response = await mock.handle(
      new Request('http://x/v2/email/account', {
        headers: {
          authorization:
            'AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20240101/ses/aws4_request, SignedHeaders=host, Signature=00',
        },
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/SigV4a .* not supported .* Remove EndpointId/);
  });

  it('never puts the secret in an error', async () => {
    const mock = createMockSes({
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'super-secret-value' },
    });
    const response = await mock.handle(
      new Request('http://x/v2/email/account', {
        headers: {
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
          'x-amz-date': '20240101T000000Z',
        },
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('super-secret-value');
  });
});
