import { describe, expect, it } from 'vitest';
import { createMock__PASCAL__ } from './create-mock-__NAME__.js';

const key = '__NAME__-test-api-key-0123456789';
// TODO: a body in __TITLE__'s field names (the connector's src/__NAME__-request.ts writes it).
const email = {
  from: 'Acme <noreply@acme.example>',
  to: ['jane@example.com'],
  subject: 'Your code',
  html: '<p>123456</p>',
  text: '123456',
};

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`https://api.__NAME__.example${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the send route', () => {
  it('accepts an email, answers its id and stores it in the outbox', async () => {
    const mock = createMock__PASCAL__({ apiKeys: [key] });
    const response = await mock.handle(post('/emails', email));
    expect(response.status, await response.clone().text()).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(mock.outbox()).toMatchObject([
      { id, from: email.from, fromAddress: 'noreply@acme.example', to: ['jane@example.com'] },
    ]);
    expect(mock.asProviderMock().sent()).toMatchObject([{ messageId: id, subject: 'Your code' }]);
  });

  it('refuses a missing or unknown API key, and logs the request', async () => {
    const mock = createMock__PASCAL__({ apiKeys: [key] });
    const response = await mock.handle(post('/emails', email, { authorization: 'Bearer nope' }));
    expect(response.status).toBe(401);
    expect(mock.requests()).toMatchObject([
      { method: 'POST', path: '/emails', status: 401, errorName: 'invalid_api_key' },
    ]);
    expect(mock.outbox()).toEqual([]);
  });

  it('answers an unknown route with 404', async () => {
    const mock = createMock__PASCAL__();
    const response = await mock.handle(
      new Request('https://api.__NAME__.example/nowhere', { headers: { authorization: `Bearer ${key}` } }),
    );
    expect(response.status).toBe(404);
  });
});

describe('faults', () => {
  it('refuses an unknown fault kind and a times below 1', () => {
    const mock = createMock__PASCAL__();
    expect(() => mock.fault({ kind: 'nope' } as never)).toThrow(TypeError);
    expect(() => mock.fault({ kind: 'network_error' }, { times: 0 })).toThrow(RangeError);
  });

  it('lists the wire forms of each provider-neutral fault', () => {
    const provider = createMock__PASCAL__().asProviderMock();
    expect(provider.faultVariants!('network_error')).toEqual(['connection-reset']);
    for (const fault of ['throttle', 'quota_exhausted', 'rejected_identity', 'auth_failure'] as const) {
      expect(provider.faultVariants!(fault).length, fault).toBeGreaterThan(0);
    }
  });

  it('answers the next send with an injected error, then sends again', async () => {
    const mock = createMock__PASCAL__({ apiKeys: [key] });
    mock.fault({ kind: 'error', status: 429, name: 'rate_limited' });
    const refused = await mock.handle(post('/emails', email));
    expect(refused.status, await refused.clone().text()).toBe(429);
    expect(await refused.json()).toMatchObject({ name: 'rate_limited' });
    expect((await mock.handle(post('/emails', email))).status).toBe(200);
    mock.reset();
    expect(mock.outbox()).toEqual([]);
    expect(mock.requests()).toEqual([]);
  });
});
