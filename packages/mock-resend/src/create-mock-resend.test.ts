import { describe, expect, it } from 'vitest';
import { createMockResend } from './create-mock-resend.js';

const key = 're_test_0123456789';
const email = {
  from: 'Acme <noreply@acme.example>',
  to: ['jane@example.com'],
  subject: 'Your code',
  html: '<p>123456</p>',
  text: '123456',
  reply_to: 'support@acme.example',
  headers: { 'X-Entity-Ref-ID': 'abc' },
  tags: [{ name: 'usage_type', value: 'SignIn' }],
};

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`https://api.resend.com${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('POST /emails', () => {
  it('accepts an email, answers its id and stores it in the outbox', async () => {
    const mock = createMockResend();
    const response = await mock.handle(post('/emails', email));
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mock.outbox()).toMatchObject([
      {
        id,
        from: email.from,
        fromAddress: 'noreply@acme.example',
        to: ['jane@example.com'],
        replyTo: ['support@acme.example'],
        subject: 'Your code',
        html: '<p>123456</p>',
        text: '123456',
        headers: { 'X-Entity-Ref-ID': 'abc' },
        tags: [{ name: 'usage_type', value: 'SignIn' }],
        operation: 'send',
      },
    ]);
    const stored = await mock.handle(
      new Request(`https://api.resend.com/emails/${id}`, {
        headers: { authorization: `Bearer ${key}` },
      }),
    );
    expect(await stored.json()).toMatchObject({ object: 'email', id, subject: 'Your code' });
  });

  it.each([
    [{}, 'Bearer', 401, 'missing_api_key'],
    [{ authorization: 'Bearer nope' }, '', 403, 'invalid_api_key'],
  ])('authenticates: %j → %s %s', async (headers, _, status, name) => {
    const mock = createMockResend();
    const request = new Request('https://api.resend.com/emails', {
      method: 'POST',
      headers,
      body: JSON.stringify(email),
    });
    const response = await mock.handle(request);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      statusCode: status,
      name,
      message: expect.any(String),
    });
    expect(mock.outbox()).toHaveLength(0);
  });

  it.each([
    [{ ...email, from: undefined }, 422, 'missing_required_field'],
    [{ ...email, from: 'not an address' }, 422, 'invalid_from_address'],
    [{ ...email, to: ['a@b'] }, 400, 'validation_error'],
    [{ ...email, html: undefined, text: undefined }, 400, 'validation_error'],
    [{ ...email, tags: [{ name: 'bad tag', value: 'x' }] }, 400, 'validation_error'],
  ])('validates the body like Resend (%#)', async (body, status, name) => {
    const mock = createMockResend();
    const response = await mock.handle(post('/emails', body));
    expect(response.status).toBe(status);
    expect(((await response.json()) as { name: string }).name).toBe(name);
  });

  it('refuses a sender whose domain is not a verified domain of the team', async () => {
    const mock = createMockResend({ domains: [{ name: 'other.example' }] });
    const response = await mock.handle(post('/emails', email));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      name: 'validation_error',
      message: expect.stringContaining('acme.example domain is not verified'),
    });
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body without sending again', async () => {
    const mock = createMockResend();
    const first = await (
      await mock.handle(post('/emails', email, { 'idempotency-key': 'k1' }))
    ).json();
    const second = await (
      await mock.handle(post('/emails', email, { 'idempotency-key': 'k1' }))
    ).json();
    expect(second).toEqual(first);
    expect(mock.outbox()).toHaveLength(1);
  });

  it('answers 409 invalid_idempotent_request for the same key with another body', async () => {
    const mock = createMockResend();
    await mock.handle(post('/emails', email, { 'idempotency-key': 'k2' }));
    const response = await mock.handle(
      post('/emails', { ...email, subject: 'Other' }, { 'idempotency-key': 'k2' }),
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as { name: string }).name).toBe('invalid_idempotent_request');
  });

  it('answers 409 concurrent_idempotent_requests while the first is in flight', async () => {
    const mock = createMockResend();
    mock.fault({ kind: 'latency', latencyMs: 200 });
    const slow = mock.handle(post('/emails', email, { 'idempotency-key': 'k3' }));
    const concurrent = await mock.handle(post('/emails', email, { 'idempotency-key': 'k3' }));
    expect(concurrent.status).toBe(409);
    expect(((await concurrent.json()) as { name: string }).name).toBe(
      'concurrent_idempotent_requests',
    );
    expect((await slow).status).toBe(200);
    expect(mock.outbox()).toHaveLength(1);
  });

  it('answers 400 invalid_idempotency_key for a key longer than 256 characters', async () => {
    const mock = createMockResend();
    const response = await mock.handle(
      post('/emails', email, { 'idempotency-key': 'k'.repeat(257) }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { name: string }).name).toBe('invalid_idempotency_key');
  });

  it('keeps no failed answer: a retry after a fault sends', async () => {
    const mock = createMockResend();
    mock.fault('internal_server_error');
    expect((await mock.handle(post('/emails', email, { 'idempotency-key': 'k4' }))).status).toBe(
      500,
    );
    expect((await mock.handle(post('/emails', email, { 'idempotency-key': 'k4' }))).status).toBe(
      200,
    );
    expect(mock.outbox()).toHaveLength(1);
  });
});

describe('limits', () => {
  it('sends ratelimit-* headers and answers 429 rate_limit_exceeded with retry-after', async () => {
    let now = 1_000_000;
    const mock = createMockResend({ rateLimit: 2, now: () => now });
    const first = await mock.handle(post('/emails', email));
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    await mock.handle(post('/emails', email));
    const third = await mock.handle(post('/emails', email));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(((await third.json()) as { name: string }).name).toBe('rate_limit_exceeded');
    now += 1_000;
    expect((await mock.handle(post('/emails', email))).status).toBe(200);
  });

  it('answers 429 daily_quota_exceeded once the daily quota is spent', async () => {
    const mock = createMockResend({ dailyQuota: 1 });
    expect((await mock.handle(post('/emails', email))).status).toBe(200);
    const response = await mock.handle(post('/emails', email));
    expect(response.status).toBe(429);
    expect(((await response.json()) as { name: string }).name).toBe('daily_quota_exceeded');
  });
});

describe('other routes', () => {
  it('sends a batch and lists domains; a sending-only key may not list them', async () => {
    const mock = createMockResend({
      domains: [{ name: 'acme.example' }, { name: 'new.example', status: 'pending' }],
      apiKeys: [key],
      sendingKeys: ['re_sending_only'],
    });
    const batch = await mock.handle(post('/emails/batch', [email, email]));
    expect(((await batch.json()) as { data: unknown[] }).data).toHaveLength(2);
    const domains = await mock.handle(
      new Request('https://api.resend.com/domains', {
        headers: { authorization: `Bearer ${key}` },
      }),
    );
    expect(await domains.json()).toMatchObject({
      object: 'list',
      data: [
        { name: 'acme.example', status: 'verified', region: 'us-east-1' },
        { name: 'new.example', status: 'pending' },
      ],
    });
    const restricted = await mock.handle(
      new Request('https://api.resend.com/domains', {
        headers: { authorization: 'Bearer re_sending_only' },
      }),
    );
    expect(restricted.status).toBe(401);
    expect(((await restricted.json()) as { name: string }).name).toBe('restricted_api_key');
  });

  it('answers not_found for an unknown path', async () => {
    const mock = createMockResend();
    const response = await mock.handle(
      new Request('https://api.resend.com/nope', { headers: { authorization: `Bearer ${key}` } }),
    );
    expect(response.status).toBe(404);
  });
});

describe('faults and the provider view', () => {
  it('maps each provider-neutral fault to a Resend answer and counts every send request', async () => {
    const mock = createMockResend();
    const view = mock.asProviderMock();
    const expected = [
      ['throttle', 429, 'rate_limit_exceeded'],
      ['quota_exhausted', 429, 'daily_quota_exceeded'],
      ['rejected_identity', 403, 'validation_error'],
      ['auth_failure', 403, 'invalid_api_key'],
      ['unavailable', 500, 'internal_server_error'],
    ] as const;
    for (const [fault, status, name] of expected) {
      view.inject(fault);
      const response = await mock.handle(post('/emails', email));
      expect(response.status, fault).toBe(status);
      expect(((await response.json()) as { name: string }).name, fault).toBe(name);
    }
    view.inject('network_error');
    expect((await mock.handle(post('/emails', email))).type).toBe('error');
    expect(view.requestCount()).toBe(6);
    expect(view.sent()).toHaveLength(0);
    await mock.handle(post('/emails', email));
    expect(view.sent()).toEqual([
      expect.objectContaining({
        from: 'noreply@acme.example',
        fromHeader: email.from,
        to: ['jane@example.com'],
        replyTo: ['support@acme.example'],
        tags: { usage_type: 'SignIn' },
      }),
    ]);
    view.reset();
    expect(view.requestCount()).toBe(0);
  });
});

describe('the conformance view', () => {
  it('answers every fault variant in its own wire form, and refuses an unknown one', async () => {
    const mock = createMockResend();
    const view = mock.asProviderMock();
    const seen: string[] = [];
    for (const variant of view.faultVariants('unavailable')) {
      view.inject('unavailable', { variant });
      const response = await mock.handle(post('/emails', email));
      seen.push(
        `${response.status} ${(await response.text()).includes('"name"') ? 'json' : 'bare'}`,
      );
    }
    expect(seen).toEqual(['500 json', '500 json', '502 json', '502 bare', '503 bare']);
    expect(view.faultVariants('quota_exhausted')).toEqual([
      'daily_quota_exceeded',
      'monthly_quota_exceeded',
    ]);
    expect(() => view.inject('throttle', { variant: 'nope' })).toThrow(/rate_limit_exceeded/);
    expect(mock.outbox()).toHaveLength(0);
  });

  it('counts overlapping sends and hang-ups, and delivers nothing to a client that hung up', async () => {
    const mock = createMockResend();
    const view = mock.asProviderMock();
    view.inject('latency', { times: 2, latencyMs: 60_000 });
    const first = new AbortController();
    const second = new AbortController();
    const pending = [
      mock.handle(new Request(post('/emails', email), { signal: first.signal })),
      mock.handle(new Request(post('/emails', email), { signal: second.signal })),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.abort();
    second.abort();
    const answers = await Promise.all(pending);
    expect(answers.map((response) => response.type)).toEqual(['error', 'error']);
    expect(view.peakInFlight()).toBe(2);
    expect(view.hangUps()).toBe(2);
    expect(view.sent()).toEqual([]);
    await mock.handle(post('/emails', email));
    expect(view.hangUps()).toBe(2);
    view.reset();
    expect([view.peakInFlight(), view.hangUps()]).toEqual([0, 0]);
  });

  it('reports cc, bcc, every recipient and the request headers', async () => {
    const mock = createMockResend();
    await mock.handle(
      post('/emails', { ...email, cc: ['Bo <bo@example.com>'], bcc: ['audit@example.com'] }),
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
