import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createResendConnector } from '../src/index.js';
import { resendIdempotencyKey } from '../src/resend-request.js';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

const seen: Seen[] = [];
let answers: (() => Response)[] = [];
const server = setupServer(
  http.all('https://api.resend.com/*', async ({ request }) => {
    const text = await request.text();
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: text === '' ? undefined : JSON.parse(text),
    });
    return (answers.shift() ?? (() => HttpResponse.json({ id: 'e-1' })))();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  answers = [];
});
afterAll(() => server.close());

const templates = [
  { usageType: 'Register', subject: 'Welcome', content: '<p>{{code}}</p>' },
  {
    usageType: 'SignIn',
    subject: 'Sign-in code {{code}}',
    content: '<p>Code: <b>{{code}}</b></p>',
  },
  { usageType: 'ForgotPassword', subject: 'Reset', content: '<p>{{code}}</p>' },
  { usageType: 'Generic', subject: 'Code', content: '<p>{{code}}</p>' },
];
const apiKey = 're_wire_0123456789';

function connector(overrides: Record<string, unknown> = {}) {
  return createResendConnector({
    apiKey,
    emailAddress: 'Acme <noreply@acme.example>',
    replyTo: ['Support <help@acme.example>'],
    tags: { app: 'web' },
    headers: { 'X-Entity-Ref-ID': 'ref-1' },
    templates,
    maxAttempts: 2,
    ...overrides,
  });
}

describe('the request Resend receives', () => {
  it('POST /emails with Bearer auth, JSON, an Idempotency-Key and the rendered email', async () => {
    const result = await connector().sendMessage({
      to: '"Ada Lovelace" <ada@example.com>',
      type: 'SignIn',
      payload: { code: '314159' },
    });
    expect(result).toEqual({ messageId: 'e-1', provider: 'resend', attempts: 1 });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('https://api.resend.com/emails');
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': expect.stringMatching(/^send\/[0-9a-f-]{36}$/),
    });
    expect(request!.body).toEqual({
      from: 'Acme <noreply@acme.example>',
      to: ['Ada Lovelace <ada@example.com>'],
      subject: 'Sign-in code 314159',
      html: '<p>Code: <b>314159</b></p>',
      text: expect.stringContaining('314159'),
      reply_to: ['Support <help@acme.example>'],
      headers: { 'X-Entity-Ref-ID': 'ref-1' },
      tags: [
        { name: 'app', value: 'web' },
        { name: 'usage_type', value: 'SignIn' },
      ],
    });
  });

  it('omits reply_to, headers and html when there are none (a plain-text template)', async () => {
    await connector({
      replyTo: undefined,
      tags: undefined,
      headers: undefined,
      templates: templates.map((t) => ({
        ...t,
        contentType: 'text/plain',
        content: 'Code {{code}}',
      })),
    }).sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '314159' } });
    expect(seen[0]!.body).toEqual({
      from: 'Acme <noreply@acme.example>',
      to: ['ada@example.com'],
      subject: 'Sign-in code 314159',
      text: 'Code 314159',
      tags: [{ name: 'usage_type', value: 'SignIn' }],
    });
  });

  it('retries with the same Idempotency-Key, after the retry-after Resend asked for', async () => {
    answers = [
      () =>
        HttpResponse.json(
          { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
          { status: 429, headers: { 'retry-after': '0', 'ratelimit-limit': '2' } },
        ),
    ];
    const result = await connector().sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '1' },
    });
    expect(result.attempts).toBe(2);
    expect(seen.map((r) => r.headers['idempotency-key'])).toEqual([
      seen[0]!.headers['idempotency-key'],
      seen[0]!.headers['idempotency-key'],
    ]);
  });

  it('sends the caller’s idempotency key as Idempotency-Key, unchanged up to 256 characters', async () => {
    const created = connector();
    const input = { to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } } as const;
    await created.sendMessage(input, { idempotencyKey: 'signup/42' });
    await created.sendMessage(input, { idempotencyKey: 'k'.repeat(256) });
    expect(seen.map((r) => r.headers['idempotency-key'])).toEqual(['signup/42', 'k'.repeat(256)]);
  });

  it('a transport key over 256 characters goes out as its SHA-256 (Resend takes 1 to 256)', () => {
    expect(resendIdempotencyKey('k'.repeat(300))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(resendIdempotencyKey('k'.repeat(300))).toBe(resendIdempotencyKey('k'.repeat(300)));
  });

  it('a different send draws a different key', async () => {
    const created = connector();
    await created.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    await created.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    expect(seen[0]!.headers['idempotency-key']).not.toBe(seen[1]!.headers['idempotency-key']);
  });

  it('check() sends only GET /domains', async () => {
    answers = [
      () =>
        HttpResponse.json({
          object: 'list',
          data: [{ id: 'd1', name: 'acme.example', status: 'verified', region: 'eu-west-1' }],
        }),
    ];
    const report = await connector().check!();
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET https://api.resend.com/domains']);
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(report).toEqual({
      ok: true,
      checks: [
        { name: 'API key', status: 'pass', detail: 'Resend accepted the API key (full access).' },
        {
          name: 'sender domain',
          status: 'pass',
          detail: 'acme.example is verified (region eu-west-1).',
        },
      ],
    });
  });

  it('baseUrl moves every request, its path kept', async () => {
    server.use(
      http.post('https://eu.proxy.example/resend/emails', () => HttpResponse.json({ id: 'p-1' })),
    );
    const result = await connector({ baseUrl: 'https://eu.proxy.example/resend' }).sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '1' },
    });
    expect(result.messageId).toBe('p-1');
  });
});
