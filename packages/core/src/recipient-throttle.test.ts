import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../test/fixtures.js';
import type { ConnectorEvent, ConnectorOptions } from './contract.js';
import { normalizeRecipient } from './recipient-throttle.js';
import { createMemoryRecipientThrottleStore } from './recipient-throttle-memory-store.js';
import type { RecipientThrottleStore } from './recipient-throttle-store.js';
import { createMemoryConnector } from './testing/memory-connector.js';

function connector(options: ConnectorOptions) {
  return createMemoryConnector({
    templates: requiredTemplates,
    from: 'noreply@acme.test',
    options,
  });
}

const signIn = (to: string, code = '123456') =>
  ({ to, type: 'SignIn', payload: { code } }) as const;

describe('recipientLimit', () => {
  it('lets max sends to one recipient through, then refuses with a typed non-retryable error and an event', async () => {
    const events: ConnectorEvent[] = [];
    const c = connector({
      recipientLimit: { max: 2, windowMs: 600_000 },
      onEvent: (event) => events.push(event),
    });
    await c.sendMessage(signIn('ada@example.com'));
    await c.sendMessage(signIn('Ada <ADA+retry@Example.COM>'));
    const error = await c.sendMessage(signIn('ada@example.com', '654321')).catch((e) => e);
    expect(error).toMatchObject({
      code: 'rate_limit_exceeded',
      retryable: false,
      providerCode: 'RecipientLimitExceeded',
    });
    expect(error.hint).toMatch(/wait \d+ min/);
    expect(error.message).not.toContain('ada@example.com');
    expect(error.message).not.toContain('654321');
    expect(c.outbox).toHaveLength(2);
    const throttled = events.filter((e) => e.type === 'send:throttled');
    expect(throttled).toEqual([
      expect.objectContaining({ max: 2, windowMs: 600_000, recipient: 'a***@example.com' }),
    ]);
    expect((throttled[0] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(590_000);
    expect(events.at(-1)).toMatchObject({ type: 'send:error', errorCode: 'rate_limit_exceeded' });
    // Another recipient has its own count.
    await c.sendMessage(signIn('grace@example.com'));
    expect(c.outbox).toHaveLength(3);
  });

  it('shows the store only HMAC digests of the normalized address, the same across connectors with one secret', async () => {
    const keys: string[] = [];
    const memory = createMemoryRecipientThrottleStore();
    const store: RecipientThrottleStore = {
      hit: (key, max, windowMs) => {
        keys.push(key);
        return memory.hit(key, max, windowMs);
      },
    };
    const limit = { max: 1, windowMs: 60_000, store, secret: 'shared-secret' };
    const a = connector({ recipientLimit: limit });
    const b = connector({ recipientLimit: limit });
    await a.sendMessage(signIn('ada@example.com'));
    await expect(b.sendMessage(signIn('ADA@example.com'))).rejects.toMatchObject({
      code: 'rate_limit_exceeded',
    });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^rcpt:[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys.join()).not.toContain('ada');
  });

  it('counts nothing for a send that fails before the provider (a missing template variable)', async () => {
    const c = connector({ recipientLimit: { max: 1, windowMs: 60_000 } });
    await expect(
      c.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: {} }),
    ).rejects.toMatchObject({ code: 'invalid_request_parameters' });
    await c.sendMessage(signIn('ada@example.com'));
    expect(c.outbox).toHaveLength(1);
  });

  it('passes a store failure on as a retryable error and sends nothing', async () => {
    const c = connector({
      recipientLimit: {
        max: 5,
        windowMs: 60_000,
        secret: 's',
        store: { hit: () => Promise.reject(new Error('ECONNREFUSED')) },
      },
    });
    await expect(c.sendMessage(signIn('ada@example.com'))).rejects.toMatchObject({
      code: 'general',
      retryable: true,
      message: expect.stringContaining('ECONNREFUSED'),
    });
    expect(c.outbox).toHaveLength(0);
  });

  it('rejects malformed options, and a shared store without a secret, as invalid_config', () => {
    expect(() => connector({ recipientLimit: { max: 0, windowMs: 1.5 } })).toThrow(
      /recipientLimit\.max[\s\S]*recipientLimit\.windowMs/,
    );
    expect(() =>
      connector({
        recipientLimit: { max: 1, windowMs: 1000, store: createMemoryRecipientThrottleStore() },
      }),
    ).toThrow(/recipientLimit\.secret: required with a shared store/);
  });
});

describe('normalizeRecipient', () => {
  it('lower-cases, applies NFC and drops a +tag so plus addressing shares the count', () => {
    expect(normalizeRecipient(' Ada+Codes@Example.COM ')).toBe('ada@example.com');
    expect(normalizeRecipient('e\u0301@example.com')).toBe('\u00e9@example.com');
    expect(normalizeRecipient('+only@example.com')).toBe('+only@example.com');
  });
});

describe('createMemoryRecipientThrottleStore', () => {
  it('slides the window: a slot frees when the oldest send leaves it', async () => {
    let now = 0;
    const store = createMemoryRecipientThrottleStore({ now: () => now });
    expect(await store.hit('k', 2, 1000)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
    now = 400;
    expect(await store.hit('k', 2, 1000)).toMatchObject({ allowed: true, count: 2 });
    now = 900;
    expect(await store.hit('k', 2, 1000)).toEqual({ allowed: false, count: 2, retryAfterMs: 100 });
    now = 1000;
    expect(await store.hit('k', 2, 1000)).toMatchObject({ allowed: true, count: 2 });
  });

  it('forgets the recipient seen longest ago when full', async () => {
    const store = createMemoryRecipientThrottleStore({ maxKeys: 2 });
    await store.hit('a', 1, 60_000);
    await store.hit('b', 1, 60_000);
    await store.hit('c', 1, 60_000);
    expect((await store.hit('a', 1, 60_000)).allowed).toBe(true);
    expect((await store.hit('c', 1, 60_000)).allowed).toBe(false);
  });
});
