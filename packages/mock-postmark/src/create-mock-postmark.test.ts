import { describe, expect, it } from 'vitest';
import { createMockPostmark } from './create-mock-postmark.js';

const token = 'server-token-0123456789';
const email = {
  From: 'Acme <noreply@acme.example>',
  To: '"Doe, Jane" <jane@example.com>',
  Subject: 'Your code',
  HtmlBody: '<p>123456</p>',
  TextBody: '123456',
  ReplyTo: 'support@acme.example',
  Headers: [{ Name: 'X-Entity-Ref-ID', Value: 'abc' }],
  Metadata: { usage_type: 'SignIn' },
  Tag: 'SignIn',
  MessageStream: 'outbound',
};

function request(path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`https://api.postmarkapp.com${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-postmark-server-token': token,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as object) };
}

describe('POST /email', () => {
  it('accepts an email, answers like Postmark and stores it in the outbox', async () => {
    const mock = createMockPostmark();
    const response = await mock.handle(request('/email', email));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      To: '"Doe, Jane" <jane@example.com>',
      SubmittedAt: expect.any(String),
      MessageID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ErrorCode: 0,
      Message: 'OK',
    });
    expect(mock.outbox()).toMatchObject([
      {
        messageId: body.MessageID,
        fromAddress: 'noreply@acme.example',
        to: ['"Doe, Jane" <jane@example.com>'],
        replyTo: ['support@acme.example'],
        headers: [{ name: 'X-Entity-Ref-ID', value: 'abc' }],
        metadata: { usage_type: 'SignIn' },
        tag: 'SignIn',
        messageStream: 'outbound',
      },
    ]);
  });

  it.each([
    [{ 'x-postmark-server-token': '' }, 401, 10],
    [{ accept: 'text/html' }, 422, 409],
    [{ 'content-type': 'text/plain' }, 422, 409],
  ])('checks the token and the JSON headers (%j)', async (headers, status, code) => {
    const mock = createMockPostmark({ serverTokens: [token] });
    expect(await errorOf(await mock.handle(request('/email', email, headers)))).toMatchObject({
      status,
      ErrorCode: code,
    });
  });

  it('refuses a wrong server token with ErrorCode 10', async () => {
    const mock = createMockPostmark({ serverTokens: [token] });
    const response = await mock.handle(
      request('/email', email, { 'x-postmark-server-token': 'wrong' }),
    );
    expect(await errorOf(response)).toMatchObject({ status: 401, ErrorCode: 10 });
  });

  it.each([
    [{ ...email, To: '' }, 300, /Zero recipients/],
    [{ ...email, To: 'not-an-address' }, 300, /Illegal email address/],
    [{ ...email, HtmlBody: undefined, TextBody: undefined }, 300, /TextBody or HtmlBody/],
    [{ ...email, MessageStream: 'nope' }, 1235, /MessageStream/],
    [{ ...email, MessageStream: 'inbound' }, 300, /not supported/],
  ])('validates the message (%#)', async (body, code, message) => {
    const mock = createMockPostmark();
    const error = await errorOf(await mock.handle(request('/email', body)));
    expect(error).toMatchObject({
      status: 422,
      ErrorCode: code,
      Message: expect.stringMatching(message),
    });
  });

  it('answers ErrorCode 402 for a body that is not JSON', async () => {
    const mock = createMockPostmark();
    const response = await mock.handle(
      new Request('https://api.postmarkapp.com/email', {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-postmark-server-token': token,
        },
        body: '{',
      }),
    );
    expect(await errorOf(response)).toMatchObject({ status: 422, ErrorCode: 402 });
  });

  it('enforces sender signatures, inactive recipients and a pending account', async () => {
    const signatures = createMockPostmark({
      senderSignatures: [
        { domain: 'other.example' },
        { email: 'new@acme.example', confirmed: false },
      ],
    });
    expect(await errorOf(await signatures.handle(request('/email', email)))).toMatchObject({
      ErrorCode: 400,
    });
    expect(
      await errorOf(
        await signatures.handle(request('/email', { ...email, From: 'new@acme.example' })),
      ),
    ).toMatchObject({ ErrorCode: 401 });
    const inactive = createMockPostmark({ inactiveRecipients: ['jane@example.com'] });
    expect(await errorOf(await inactive.handle(request('/email', email)))).toMatchObject({
      ErrorCode: 406,
      Message: expect.stringContaining('jane@example.com'),
    });
    const pending = createMockPostmark({ accountPending: true });
    expect(await errorOf(await pending.handle(request('/email', email)))).toMatchObject({
      ErrorCode: 412,
    });
    expect(
      (await pending.handle(request('/email', { ...email, To: 'ops@acme.example' }))).status,
    ).toBe(200);
  });

  it('validates but does not deliver with the POSTMARK_API_TEST token', async () => {
    const mock = createMockPostmark({ serverTokens: [token] });
    const response = await mock.handle(
      request('/email', email, { 'x-postmark-server-token': 'POSTMARK_API_TEST' }),
    );
    expect(response.status).toBe(200);
    expect(mock.outbox()).toHaveLength(0);
  });
});

describe('other routes', () => {
  it('sends a batch with one result per message', async () => {
    const mock = createMockPostmark();
    const response = await mock.handle(request('/email/batch', [email, { ...email, To: '' }]));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject([
      { ErrorCode: 0, Message: 'OK' },
      { ErrorCode: 300, Message: 'Zero recipients specified' },
    ]);
    expect(mock.outbox()).toHaveLength(1);
    const tooMany = await mock.handle(request('/email/batch', Array(501).fill(email)));
    expect(await errorOf(tooMany)).toMatchObject({ ErrorCode: 410 });
  });

  it('answers GET /server, /message-streams/:id and /senders (account token)', async () => {
    const mock = createMockPostmark({
      server: { name: 'Prod', deliveryType: 'Sandbox' },
      senderSignatures: [{ email: 'noreply@acme.example' }],
      accountTokens: ['account-token'],
    });
    expect(await (await mock.handle(request('/server'))).json()).toMatchObject({
      Name: 'Prod',
      DeliveryType: 'Sandbox',
    });
    expect(await (await mock.handle(request('/message-streams/outbound'))).json()).toMatchObject({
      ID: 'outbound',
      MessageStreamType: 'Transactional',
    });
    expect(await errorOf(await mock.handle(request('/message-streams/nope')))).toMatchObject({
      status: 404,
      ErrorCode: 1226,
    });
    expect(await errorOf(await mock.handle(request('/senders')))).toMatchObject({
      status: 401,
      ErrorCode: 10,
    });
    const senders = await mock.handle(
      request('/senders?count=50&offset=0', undefined, {
        'x-postmark-account-token': 'account-token',
      }),
    );
    expect(await senders.json()).toMatchObject({
      TotalCount: 1,
      SenderSignatures: [
        { EmailAddress: 'noreply@acme.example', Domain: 'acme.example', Confirmed: true },
      ],
    });
  });

  it('answers HTTP 429 over the rate limit', async () => {
    const mock = createMockPostmark({ rateLimit: 1, now: () => 5_000 });
    expect((await mock.handle(request('/email', email))).status).toBe(200);
    expect((await mock.handle(request('/email', email))).status).toBe(429);
  });
});

describe('faults and the provider view', () => {
  it('maps each provider-neutral fault to a Postmark answer and counts every send request', async () => {
    const mock = createMockPostmark();
    const view = mock.asProviderMock();
    const expected = [
      ['throttle', 429, 429],
      ['quota_exhausted', 422, 405],
      ['rejected_identity', 422, 400],
      ['auth_failure', 401, 10],
    ] as const;
    for (const [fault, status, code] of expected) {
      view.inject(fault);
      expect(await errorOf(await mock.handle(request('/email', email))), fault).toMatchObject({
        status,
        ErrorCode: code,
      });
    }
    view.inject('unavailable');
    expect((await mock.handle(request('/email', email))).status).toBe(500);
    view.inject('network_error');
    expect((await mock.handle(request('/email', email))).type).toBe('error');
    expect(view.requestCount()).toBe(6);
    expect(view.sent()).toHaveLength(0);
    await mock.handle(request('/email', email));
    expect(view.sent()).toEqual([
      expect.objectContaining({
        from: 'noreply@acme.example',
        to: ['jane@example.com'],
        replyTo: ['support@acme.example'],
        tags: { usage_type: 'SignIn' },
        headers: { 'X-Entity-Ref-ID': 'abc' },
      }),
    ]);
  });
});

describe('the conformance view', () => {
  it('answers every fault variant in its own wire form, and refuses an unknown one', async () => {
    const mock = createMockPostmark();
    const view = mock.asProviderMock();
    const seen: string[] = [];
    for (const variant of view.faultVariants('unavailable')) {
      view.inject('unavailable', { variant });
      const response = await mock.handle(request('/email', email));
      const text = await response.text();
      seen.push(`${response.status} ${text.includes('ErrorCode') ? 'json' : 'plain'}`);
    }
    expect(seen).toEqual(['500 plain', '503 json', '502 plain', '503 plain']);
    const codes: unknown[] = [];
    for (const variant of view.faultVariants('rejected_identity')) {
      view.inject('rejected_identity', { variant });
      codes.push(
        ((await (await mock.handle(request('/email', email))).json()) as { ErrorCode: number })
          .ErrorCode,
      );
    }
    expect(codes).toEqual([400, 401]);
    expect(() => view.inject('throttle', { variant: 'nope' })).toThrow(/http-429/);
    expect(mock.outbox()).toHaveLength(0);
  });

  it('counts overlapping sends and hang-ups, and delivers nothing to a client that hung up', async () => {
    const mock = createMockPostmark();
    const view = mock.asProviderMock();
    view.inject('latency', { times: 2, latencyMs: 60_000 });
    const first = new AbortController();
    const second = new AbortController();
    const pending = [
      mock.handle(new Request(request('/email', email), { signal: first.signal })),
      mock.handle(new Request(request('/email', email), { signal: second.signal })),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.abort();
    second.abort();
    const answers = await Promise.all(pending);
    expect(answers.map((response) => response.type)).toEqual(['error', 'error']);
    expect(view.peakInFlight()).toBe(2);
    expect(view.hangUps()).toBe(2);
    expect(view.sent()).toEqual([]);
    await mock.handle(request('/email', email));
    expect(view.hangUps()).toBe(2);
    view.reset();
    expect([view.peakInFlight(), view.hangUps()]).toEqual([0, 0]);
  });

  it('reports cc, bcc, every recipient and the request headers', async () => {
    const mock = createMockPostmark();
    await mock.handle(
      request('/email', { ...email, Cc: 'Bo <bo@example.com>', Bcc: 'audit@example.com' }),
    );
    expect(mock.asProviderMock().sent()).toMatchObject([
      {
        to: ['jane@example.com'],
        cc: ['bo@example.com'],
        bcc: ['audit@example.com'],
        recipients: ['jane@example.com', 'bo@example.com', 'audit@example.com'],
        rawHeaders: [{ name: 'X-Entity-Ref-ID', value: 'abc' }],
      },
    ]);
  });
});
