import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { create__PASCAL__Connector, default__PASCAL__BaseUrl } from '../src/index.js';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

// The exact requests __TITLE__ receives, captured by msw (the mock package is not involved).
const seen: Seen[] = [];
let answers: (() => Response)[] = [];
const server = setupServer(
  http.all(`${default__PASCAL__BaseUrl}/*`, async ({ request }) => {
    const text = await request.text();
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: text === '' ? undefined : JSON.parse(text),
    });
    return (answers.shift() ?? (() => HttpResponse.json({ id: 'm-1' })))();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  answers = [];
});
afterAll(() => server.close());

const templates = ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
  usageType,
  subject: 'Code {{code}}',
  content: '<p>Code: <b>{{code}}</b></p>',
}));
const apiKey = '__NAME__-wire-api-key-0123456789';

function connector(overrides: Record<string, unknown> = {}) {
  return create__PASCAL__Connector({
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

describe('the request __TITLE__ receives', () => {
  // TODO: pin __TITLE__'s real path, auth header and body, field by field.
  it('one POST with the API key and the rendered email', async () => {
    const result = await connector().sendMessage({
      to: '"Ada Lovelace" <ada@example.com>',
      type: 'SignIn',
      payload: { code: '314159' },
    });
    expect(result).toEqual({ messageId: 'm-1', provider: '__NAME__', attempts: 1 });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe(`${default__PASCAL__BaseUrl}/emails`);
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
    });
    expect(request!.body).toEqual({
      from: 'Acme <noreply@acme.example>',
      to: ['Ada Lovelace <ada@example.com>'],
      reply_to: ['Support <help@acme.example>'],
      subject: 'Code 314159',
      html: '<p>Code: <b>314159</b></p>',
      text: expect.stringContaining('314159'),
      headers: { 'X-Entity-Ref-ID': 'ref-1' },
      tags: { app: 'web', usage_type: 'SignIn' },
    });
  });

  it('retries a 429 after its retry-after', async () => {
    answers = [
      () =>
        HttpResponse.json({ message: 'Slow down' }, { status: 429, headers: { 'retry-after': '0' } }),
    ];
    const result = await connector().sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '1' },
    });
    expect(result.attempts).toBe(2);
    expect(seen).toHaveLength(2);
  });

  it('baseUrl moves every request, its path kept', async () => {
    server.use(
      http.post('https://eu.proxy.example/__NAME__/*', () => HttpResponse.json({ id: 'p-1' })),
    );
    const result = await connector({ baseUrl: 'https://eu.proxy.example/__NAME__' }).sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '1' },
    });
    expect(result.messageId).toBe('p-1');
  });
});
