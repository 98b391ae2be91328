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

describe('SigV4 time window (5 minutes either way, as at SES)', () => {
  const T = Date.parse('2026-01-01T00:10:00Z');

  /** A GetAccount request signed at `signedAt` (ms), as the SDK would sign it. */
  async function signedAt(signedAt: number, extraHeaders: Record<string, string> = {}) {
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const { Sha256 } = await import('@aws-crypto/sha256-js');
    const signer = new SignatureV4({
      credentials,
      region: 'us-east-1',
      service: 'ses',
      sha256: Sha256,
    });
    const signed = await signer.sign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: 'email.us-east-1.amazonaws.com',
        path: '/v2/email/account',
        headers: { host: 'email.us-east-1.amazonaws.com', ...extraHeaders },
      },
      { signingDate: new Date(signedAt) },
    );
    return new Request('https://email.us-east-1.amazonaws.com/v2/email/account', {
      headers: signed.headers as Record<string, string>,
    });
  }

  it.each([
    ['exactly 5 minutes old', T - 5 * 60_000],
    ['exactly 5 minutes ahead', T + 5 * 60_000],
    ['now', T],
  ])('accepts a signature %s', async (_, at) => {
    const mock = createMockSes({ credentials, now: () => T });
    expect((await mock.handle(await signedAt(at))).status).toBe(200);
  });

  it("refuses a signature older than 5 minutes with SES's words and the mock's clock in `date`", async () => {
    const mock = createMockSes({ credentials, now: () => T });
    const response = await mock.handle(await signedAt(T - 5 * 60_000 - 1000));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(await response.json()).toEqual({
      __type: 'InvalidSignatureException',
      message:
        'Signature expired: 20260101T000459Z is now earlier than 20260101T000500Z (20260101T001000Z - 5 min.)',
    });
    // What the SDK corrects its clock from.
    expect(response.headers.get('date')).toBe(new Date(T).toUTCString());
  });

  it('refuses a signature more than 5 minutes ahead', async () => {
    const mock = createMockSes({ credentials, now: () => T });
    const response = await mock.handle(await signedAt(Date.parse('2030-01-01T00:00:00Z')));
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe(
      'Signature not yet current: 20300101T000000Z is still later than 20260101T001500Z (20260101T001000Z + 5 min.)',
    );
  });

  it('refuses signatures dated 2015 and 2030 against the real clock', async () => {
    const mock = createMockSes({ credentials });
    for (const at of ['2015-06-01T00:00:00Z', '2030-06-01T00:00:00Z']) {
      const response = await mock.handle(await signedAt(Date.parse(at)));
      expect(response.status, at).toBe(403);
      expect((await response.json()).message, at).toMatch(/^Signature (expired|not yet current)/);
    }
  });

  it('refuses a replay once the window has passed (no replay cache: the window is the defence)', async () => {
    let now = T;
    const mock = createMockSes({ credentials, now: () => now });
    const request = await signedAt(T);
    expect((await mock.handle(request.clone())).status).toBe(200);
    // Within the window, SES too accepts the same signed request again.
    expect((await mock.handle(request.clone())).status).toBe(200);
    now = T + 5 * 60_000 + 1000;
    expect((await mock.handle(request.clone())).status).toBe(403);
  });

  it('refuses a credential scope dated another day than x-amz-date', async () => {
    const mock = createMockSes({ credentials, now: () => T });
    const good = await signedAt(T);
    const headers = new Headers(good.headers);
    headers.set(
      'authorization',
      (headers.get('authorization') as string).replace('/20260101/', '/20251231/'),
    );
    const response = await mock.handle(new Request(good.url, { headers }));
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(
      /^Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != '20260101'/,
    );
  });

  it('refuses a session token sent with a key that has none', async () => {
    signedMock();
    const error = await failure(
      testClient({ credentials: { ...credentials, sessionToken: 'made-up' } }).send(
        new GetAccountCommand({}),
      ),
    );
    expect(error).toEqual({
      name: 'UnrecognizedClientException',
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it("lets the AWS SDK correct its clock skew: refused once, retried with the mock's offset", async () => {
    // The mock's clock runs an hour ahead of this machine's, as a drifted client's would lag.
    const mock = signedMock({ now: () => Date.now() + 60 * 60_000 });
    const client = testClient();
    await expect(client.send(new GetAccountCommand({}))).resolves.toBeDefined();
    const attempts = mock.requests.operations('GetAccount');
    expect(attempts.map((a) => [a.status, a.errorType])).toEqual([
      [403, 'InvalidSignatureException'],
      [200, undefined],
    ]);
    expect(attempts[1]?.attempt).toBe(2);
    // The corrected offset sticks: the next call is signed right the first time.
    await client.send(new GetAccountCommand({}));
    expect(mock.requests.operations('GetAccount')).toHaveLength(3);
  });
});
