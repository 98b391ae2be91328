import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostmarkConnector } from '../src/index.js';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

const seen: Seen[] = [];
let answers: (() => Response)[] = [];
const ok = () =>
  HttpResponse.json({
    To: 'ada@example.com',
    SubmittedAt: '2026-12-03T08:00:00Z',
    MessageID: 'pm-1',
    ErrorCode: 0,
    Message: 'OK',
  });
const server = setupServer(
  http.all('https://api.postmarkapp.com/*', async ({ request }) => {
    const text = await request.text();
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: text === '' ? undefined : JSON.parse(text),
    });
    return (answers.shift() ?? ok)();
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
const serverToken = 'pm-wire-server-token';

function connector(overrides: Record<string, unknown> = {}) {
  return createPostmarkConnector({
    serverToken,
    emailAddress: 'Acme <noreply@acme.example>',
    replyTo: ['Support <help@acme.example>', 'ops@acme.example'],
    metadata: { app: 'web' },
    headers: { 'X-Entity-Ref-ID': 'ref-1' },
    templates,
    maxAttempts: 2,
    ...overrides,
  });
}

describe('the request Postmark receives', () => {
  it('POST /email with the server token, JSON both ways, and Postmark’s field names', async () => {
    const result = await connector({ trackOpens: false, trackLinks: 'None' }).sendMessage({
      to: '"Lovelace, Ada" <ada@example.com>',
      type: 'SignIn',
      payload: { code: '314159' },
    });
    expect(result).toEqual({ messageId: 'pm-1', provider: 'postmark', attempts: 1 });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(`${request!.method} ${request!.url}`).toBe('POST https://api.postmarkapp.com/email');
    expect(request!.headers).toMatchObject({
      'x-postmark-server-token': serverToken,
      accept: 'application/json',
      'content-type': 'application/json',
    });
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toEqual({
      From: 'Acme <noreply@acme.example>',
      To: '"Lovelace, Ada" <ada@example.com>',
      Subject: 'Sign-in code 314159',
      HtmlBody: '<p>Code: <b>314159</b></p>',
      TextBody: expect.stringContaining('314159'),
      ReplyTo: 'Support <help@acme.example>, ops@acme.example',
      Headers: [{ Name: 'X-Entity-Ref-ID', Value: 'ref-1' }],
      Tag: 'SignIn',
      Metadata: { app: 'web', usage_type: 'SignIn' },
      MessageStream: 'outbound',
      TrackOpens: false,
      TrackLinks: 'None',
    });
  });

  it('uses the configured tag and message stream, and sends no HtmlBody for a text template', async () => {
    await connector({
      tag: 'auth-codes',
      messageStream: 'codes',
      replyTo: undefined,
      headers: undefined,
      templates: templates.map((t) => ({
        ...t,
        contentType: 'text/plain',
        content: 'Code {{code}}',
      })),
    }).sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '314159' } });
    expect(seen[0]!.body).toEqual({
      From: 'Acme <noreply@acme.example>',
      To: 'ada@example.com',
      Subject: 'Sign-in code 314159',
      TextBody: 'Code 314159',
      Tag: 'auth-codes',
      Metadata: { app: 'web', usage_type: 'SignIn' },
      MessageStream: 'codes',
    });
  });

  it('retries HTTP 429, a 5xx and a timed-out attempt, each attempt with its own timeout', async () => {
    answers = [() => new HttpResponse('busy', { status: 503 })];
    expect(
      (
        await connector().sendMessage({
          to: 'ada@example.com',
          type: 'SignIn',
          payload: { code: '1' },
        })
      ).attempts,
    ).toBe(2);
    seen.length = 0;
    server.use(
      http.post('https://api.postmarkapp.com/email', async () => {
        seen.push({ method: 'POST', url: '', headers: {}, body: undefined });
        await new Promise((resolve) => setTimeout(resolve, 400));
        return ok();
      }),
    );
    const error = await connector({ requestTimeoutMs: 100, maxAttempts: 3 })
      .sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 3 });
    expect(seen).toHaveLength(3);
  });

  it('check() reads GET /server, /message-streams/outbound and, with an account token, /senders', async () => {
    answers = [
      () => HttpResponse.json({ Name: 'Production', DeliveryType: 'Live' }),
      () => HttpResponse.json({ ID: 'outbound', MessageStreamType: 'Transactional' }),
      () =>
        HttpResponse.json({
          TotalCount: 1,
          SenderSignatures: [
            { EmailAddress: 'noreply@acme.example', Domain: 'acme.example', Confirmed: true },
          ],
        }),
    ];
    const report = await connector({ accountToken: 'pm-wire-account-token' }).check!();
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://api.postmarkapp.com/server',
      'GET https://api.postmarkapp.com/message-streams/outbound',
      'GET https://api.postmarkapp.com/senders?count=500&offset=0',
    ]);
    expect(seen[2]!.headers['x-postmark-account-token']).toBe('pm-wire-account-token');
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['server', 'pass'],
      ['message stream', 'pass'],
      ['sender signature', 'pass'],
    ]);
  });

  it('check() warns for a Sandbox server and an unchecked signature', async () => {
    answers = [
      () => HttpResponse.json({ Name: 'Staging', DeliveryType: 'Sandbox' }),
      () => HttpResponse.json({ ID: 'outbound', MessageStreamType: 'Transactional' }),
    ];
    const report = await connector().check!();
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['server', 'warn'],
      ['message stream', 'pass'],
      ['sender signature', 'warn'],
    ]);
  });
});
