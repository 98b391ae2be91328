import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { bareMetadata, requiredTemplates } from '../test/fixtures.js';
import { ConnectorError } from './connector-error.js';
import type {
  ConnectorEvent,
  ConnectorOptions,
  OutgoingEmail,
  SendMessageInput,
  TransportResult,
} from './contract.js';
import { defineEmailConnector } from './define-email-connector.js';
import { createMemoryIdempotencyStore } from './idempotency-memory-store.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { templatesSchema } from './template.js';

interface Deferred {
  resolve(result: TransportResult): void;
  reject(error: unknown): void;
}

/**
 * A connector whose transport records every email and, in `manual` mode, leaves each send
 * pending until the test settles it.
 */
function setup(provider = 'test', mode: 'auto' | 'manual' = 'auto') {
  const sent: OutgoingEmail[] = [];
  const pending: Deferred[] = [];
  let failures: unknown[] = [];
  const factory = defineEmailConnector({
    metadata: bareMetadata(provider, 'test'),
    configSchema: z.object({ templates: templatesSchema }),
    sender: () => 'noreply@acme.test',
    createTransport: () => ({
      send: (email) => {
        sent.push(email);
        if (mode === 'manual') {
          return new Promise<TransportResult>((resolve, reject) =>
            pending.push({ resolve, reject }),
          );
        }
        const failure = failures.shift();
        if (failure !== undefined) return Promise.reject(failure);
        return Promise.resolve({ messageId: `${provider}-${sent.length}` });
      },
    }),
  });
  const create = (options?: ConnectorOptions) => factory({ templates: requiredTemplates }, options);
  return {
    create,
    sent,
    pending,
    failNext(...errors: unknown[]) {
      failures = errors;
    },
  };
}

const input: SendMessageInput = {
  to: 'ada@example.com',
  type: 'SignIn',
  payload: { code: '493817' },
};

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** A shared store reached over a "network": every call takes a few ms, like Redis would. */
function remoteStore(inner: IdempotencyStore = createMemoryIdempotencyStore()) {
  const calls: { method: string; args: unknown[] }[] = [];
  const hop = <T>(method: string, args: unknown[], call: () => Promise<T>): Promise<T> => {
    calls.push({ method, args });
    return new Promise((resolve) => setTimeout(resolve, 2)).then(call);
  };
  const store: IdempotencyStore = {
    get: (key) => hop('get', [key], () => inner.get(key)),
    set: (key, record, ttlMs) =>
      hop('set', [key, record, ttlMs], () => inner.set(key, record, ttlMs)),
    delete: (key) => hop('delete', [key], () => inner.delete(key)),
    claim: (key, record, ttlMs) =>
      hop('claim', [key, record, ttlMs], () => inner.claim(key, record, ttlMs)),
  };
  return { store, calls, inner };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('idempotent sends in one process', () => {
  it('replays the first result for a repeated key without calling the provider', async () => {
    const { create, sent } = setup();
    const connector = create();
    const first = await connector.sendMessage(input, { idempotencyKey: 'k1' });
    const second = await connector.sendMessage(input, { idempotencyKey: 'k1' });
    expect(second).toEqual(first);
    expect(sent).toHaveLength(1);
    await connector.sendMessage(input, { idempotencyKey: 'k2' });
    expect(sent).toHaveLength(2);
  });

  it('calls the provider once for concurrent sends with one key and shares the result', async () => {
    const { create, sent, pending } = setup('test', 'manual');
    const connector = create();
    const sends = Array.from({ length: 5 }, () =>
      connector.sendMessage(input, { idempotencyKey: 'same' }),
    );
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    pending[0]!.resolve({ messageId: 'only-one', attempts: 2 });
    const results = await Promise.all(sends);
    expect(sent).toHaveLength(1);
    for (const result of results) {
      expect(result).toEqual({ messageId: 'only-one', provider: 'test', attempts: 2 });
    }
  });

  it('releases the key when the send fails, so a retry goes out', async () => {
    const { create, sent, failNext } = setup();
    const connector = create();
    failNext(new ConnectorError('provider_unavailable', 'down'));
    const error = await rejection(connector.sendMessage(input, { idempotencyKey: 'k' }));
    expect(error.code).toBe('provider_unavailable');
    const retried = await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(retried.messageId).toBe('test-2');
    expect(sent).toHaveLength(2);
  });

  it('gives concurrent callers the one failure, then lets the key be used again', async () => {
    const { create, sent, pending } = setup('test', 'manual');
    const connector = create();
    const sends = [1, 2, 3].map(() =>
      rejection(connector.sendMessage(input, { idempotencyKey: 'k' })),
    );
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    pending[0]!.reject(new ConnectorError('rate_limit_exceeded', 'slow down'));
    expect((await Promise.all(sends)).map((e) => e.code)).toEqual([
      'rate_limit_exceeded',
      'rate_limit_exceeded',
      'rate_limit_exceeded',
    ]);
    const retry = connector.sendMessage(input, { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    pending[1]!.resolve({ messageId: 'second-try' });
    expect((await retry).messageId).toBe('second-try');
  });

  it.each([
    ['recipient', { ...input, to: 'eve@example.com' }],
    ['usage type', { ...input, type: 'Register' as const }],
    ['code', { ...input, payload: { code: '000000' } }],
  ])('rejects a key reused for another %s, naming neither key nor code', async (_what, other) => {
    const { create, sent } = setup();
    const connector = create();
    await connector.sendMessage(input, { idempotencyKey: 'key-493817' });
    const error = await rejection(connector.sendMessage(other, { idempotencyKey: 'key-493817' }));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('idempotency key was reused for a different message');
    expect(error.message).not.toContain('493817');
    expect(error.message).not.toContain('000000');
    expect(error.provider).toBe('test');
    expect(sent).toHaveLength(1);
  });

  it('rejects a reused key while the first send is still in flight', async () => {
    const { create, sent, pending } = setup('test', 'manual');
    const connector = create();
    const first = connector.sendMessage(input, { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const error = await rejection(
      connector.sendMessage({ ...input, to: 'eve@example.com' }, { idempotencyKey: 'k' }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    pending[0]!.resolve({ messageId: 'm' });
    await expect(first).resolves.toMatchObject({ messageId: 'm' });
  });

  it('treats the same payload built in another key order as the same message', async () => {
    const { create, sent } = setup();
    const connector = create();
    await connector.sendMessage(
      { ...input, payload: { code: '1', user: { name: 'Ada', id: 7 } } },
      { idempotencyKey: 'k' },
    );
    await connector.sendMessage(
      { ...input, payload: { user: { id: 7, name: 'Ada' }, code: '1' } },
      { idempotencyKey: 'k' },
    );
    expect(sent).toHaveLength(1);
  });

  it('sends again once the TTL has passed', async () => {
    vi.useFakeTimers();
    const { create, sent } = setup();
    const connector = create({ idempotency: { ttlMs: 60_000 } });
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    vi.advanceTimersByTime(59_999);
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(sent).toHaveLength(2);
  });

  it('defaults the TTL to ten minutes', async () => {
    vi.useFakeTimers();
    const { create, sent } = setup();
    const connector = create();
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    vi.advanceTimersByTime(10 * 60_000 - 1);
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(sent).toHaveLength(2);
  });

  it('emits events for the real send only, not for a replay', async () => {
    const events: ConnectorEvent[] = [];
    const { create } = setup();
    const connector = create({ onEvent: (event) => events.push(event) });
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(events.map((e) => e.type)).toEqual(['send:start', 'send:success']);
  });

  it('lets a caller abort its wait without cancelling the send it shares', async () => {
    const { create, sent, pending } = setup('test', 'manual');
    const connector = create();
    const holder = connector.sendMessage(input, { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const controller = new AbortController();
    const waiter = connector.sendMessage(input, {
      idempotencyKey: 'k',
      signal: controller.signal,
    });
    controller.abort();
    expect((await rejection(waiter)).code).toBe('aborted');
    pending[0]!.resolve({ messageId: 'm' });
    await expect(holder).resolves.toMatchObject({ messageId: 'm' });
  });

  it('takes over when the caller holding the key aborts, so the other caller still gets its email', async () => {
    const { create, sent, pending } = setup('test', 'manual');
    const connector = create();
    const controller = new AbortController();
    const holder = connector.sendMessage(input, {
      idempotencyKey: 'k',
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const other = connector.sendMessage(input, { idempotencyKey: 'k' });
    controller.abort();
    expect((await rejection(holder)).code).toBe('aborted');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    pending[1]!.resolve({ messageId: 'taken-over' });
    expect((await other).messageId).toBe('taken-over');
  });

  it('fails an invalid input the same way with a key, without taking the key', async () => {
    const { create, sent } = setup();
    const connector = create();
    const bad = { ...input, to: 'not an address' };
    const error = await rejection(connector.sendMessage(bad, { idempotencyKey: 'k' }));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('recipient "to"');
    await connector.sendMessage(input, { idempotencyKey: 'k' });
    expect(sent).toHaveLength(1);
  });

  it.each([[''], [42]])('rejects the idempotency key %j', async (key) => {
    const { create, sent } = setup();
    const error = await rejection(
      create().sendMessage(input, { idempotencyKey: key as unknown as string }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('idempotencyKey must be a non-empty string');
    expect(sent).toHaveLength(0);
  });

  it('works for testSend too', async () => {
    const { create, sent } = setup();
    const connector = create();
    const first = await connector.testSend('ops@example.com', { idempotencyKey: 't' });
    expect(await connector.testSend('ops@example.com', { idempotencyKey: 't' })).toEqual(first);
    expect(sent).toHaveLength(1);
  });

  it('fails a send on a closed connector clearly, with or without a key', async () => {
    const { create, sent } = setup();
    const connector = create();
    await connector.close();
    const error = await rejection(connector.sendMessage(input, { idempotencyKey: 'k' }));
    expect(error.code).toBe('general');
    expect(error.message).toContain('closed');
    expect(sent).toHaveLength(0);
  });
});

describe('the idempotency store', () => {
  it('scopes keys per connector kind, so two providers sharing a store both send', async () => {
    const { store } = remoteStore();
    const a = setup('alpha');
    const b = setup('beta');
    await a.create({ idempotency: { store } }).sendMessage(input, { idempotencyKey: 'k' });
    const result = await b
      .create({ idempotency: { store } })
      .sendMessage(input, { idempotencyKey: 'k' });
    expect(result.provider).toBe('beta');
    expect(a.sent).toHaveLength(1);
    expect(b.sent).toHaveLength(1);
  });

  it('never sees the key, the recipient or the code in clear', async () => {
    const { store, calls } = remoteStore();
    const { create } = setup();
    const connector = create({ idempotency: { store } });
    await connector.sendMessage(input, { idempotencyKey: 'signin-ada@example.com-493817' });
    await connector.sendMessage(input, { idempotencyKey: 'signin-ada@example.com-493817' });
    expect(calls.map((c) => c.method)).toEqual(['claim', 'set', 'claim']);
    const written = JSON.stringify(calls);
    expect(written).not.toContain('493817');
    expect(written).not.toContain('ada@');
    expect(written).not.toContain('signin');
    const [key, record, ttlMs] = calls[0]!.args as [string, { fingerprint: string }, number];
    expect(key).toMatch(/^idem:test\/test-email:[0-9a-f]{64}$/);
    expect(record).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ttlMs).toBe(60_000);
    expect(calls[1]!.args[2]).toBe(600_000);
  });

  it('keys its digests with the secret when one is given', async () => {
    const plain = remoteStore();
    const keyed = remoteStore();
    const { create } = setup();
    await create({ idempotency: { store: plain.store } }).sendMessage(input, {
      idempotencyKey: 'k',
    });
    await create({ idempotency: { store: keyed.store, secret: 'hmac-key' } }).sendMessage(input, {
      idempotencyKey: 'k',
    });
    expect(keyed.calls[0]!.args[0]).not.toBe(plain.calls[0]!.args[0]);
    expect(keyed.calls[0]!.args[1]).not.toEqual(plain.calls[0]!.args[1]);
  });

  it('fails the send without calling the provider when the store is down', async () => {
    const { create, sent } = setup();
    const broken: IdempotencyStore = {
      ...createMemoryIdempotencyStore(),
      claim: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')),
    };
    const error = await rejection(
      create({ idempotency: { store: broken } }).sendMessage(input, { idempotencyKey: 'k' }),
    );
    expect(error.code).toBe('general');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('idempotency store failed to claim a key');
    expect(error.message).toContain('ECONNREFUSED');
    expect(sent).toHaveLength(0);
  });

  it('reports a send that went out as a success even if recording it fails', async () => {
    const { create, sent } = setup();
    const flaky: IdempotencyStore = {
      ...createMemoryIdempotencyStore(),
      set: () => Promise.reject(new Error('READONLY')),
    };
    const result = await create({ idempotency: { store: flaky } }).sendMessage(input, {
      idempotencyKey: 'k',
    });
    expect(result.messageId).toBe('test-1');
    expect(sent).toHaveLength(1);
  });

  it.each([
    [{ ttlMs: 0 }, 'idempotency.ttlMs'],
    [{ claimTtlMs: 1.5 }, 'idempotency.claimTtlMs'],
    [{ store: {} }, 'idempotency.store'],
    [{ secret: '' }, 'idempotency.secret'],
  ])('rejects the options %j as invalid_config naming %s', (idempotency, field) => {
    const { create } = setup();
    let error: unknown;
    try {
      create({ idempotency: idempotency as ConnectorOptions['idempotency'] });
    } catch (caught) {
      error = caught;
    }
    expect(ConnectorError.isInstance(error)).toBe(true);
    expect((error as ConnectorError).code).toBe('invalid_config');
    expect((error as ConnectorError).message).toContain(field);
  });
});

describe('idempotent sends across processes (two connectors sharing a store)', () => {
  it('calls the provider once for concurrent sends and gives both the result', async () => {
    const { store } = remoteStore();
    const { create, sent, pending } = setup('test', 'manual');
    const processA = create({ idempotency: { store } });
    const processB = create({ idempotency: { store } });
    const fromA = processA.sendMessage(input, { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const fromB = processB.sendMessage(input, { idempotencyKey: 'k' });
    // B waits on the store while A's send is in flight.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toHaveLength(1);
    pending[0]!.resolve({ messageId: 'from-a', requestId: 'r-1' });
    const [a, b] = await Promise.all([fromA, fromB]);
    expect(b).toEqual(a);
    expect(b).toEqual({ messageId: 'from-a', provider: 'test', requestId: 'r-1', attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it('replays a finished send to the other process', async () => {
    const { store } = remoteStore();
    const { create, sent } = setup();
    const first = await create({ idempotency: { store } }).sendMessage(input, {
      idempotencyKey: 'k',
    });
    const second = await create({ idempotency: { store } }).sendMessage(input, {
      idempotencyKey: 'k',
    });
    expect(second).toEqual(first);
    expect(sent).toHaveLength(1);
  });

  it('detects a reused key across processes', async () => {
    const { store } = remoteStore();
    const { create } = setup();
    await create({ idempotency: { store } }).sendMessage(input, { idempotencyKey: 'k' });
    const error = await rejection(
      create({ idempotency: { store } }).sendMessage(
        { ...input, to: 'eve@example.com' },
        { idempotencyKey: 'k' },
      ),
    );
    expect(error.code).toBe('invalid_request_parameters');
  });

  it('lets the waiting process send when the holder’s send fails', async () => {
    const { store } = remoteStore();
    const { create, sent, pending } = setup('test', 'manual');
    const fromA = rejection(
      create({ idempotency: { store } }).sendMessage(input, { idempotencyKey: 'k' }),
    );
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const fromB = create({ idempotency: { store } }).sendMessage(input, { idempotencyKey: 'k' });
    pending[0]!.reject(new ConnectorError('provider_unavailable', 'down'));
    expect((await fromA).code).toBe('provider_unavailable');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    pending[1]!.resolve({ messageId: 'from-b' });
    expect((await fromB).messageId).toBe('from-b');
  });

  it('sends once the claim of a holder that never finishes (its process died) runs out', async () => {
    vi.useFakeTimers();
    const store = createMemoryIdempotencyStore();
    const { create, sent, pending } = setup('test', 'manual');
    const options = { idempotency: { store, claimTtlMs: 30_000 } };
    // The first process claims the key and sends, then never records anything.
    void create(options)
      .sendMessage(input, { idempotencyKey: 'k' })
      .catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    const survivor = create(options).sendMessage(input, { idempotencyKey: 'k' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(2);
    pending[1]!.resolve({ messageId: 'from-survivor' });
    expect((await survivor).messageId).toBe('from-survivor');
  });

  it('lets a waiting caller abort', async () => {
    const { store } = remoteStore();
    const { create, sent, pending } = setup('test', 'manual');
    const holder = create({ idempotency: { store } }).sendMessage(input, { idempotencyKey: 'k' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const controller = new AbortController();
    const waiter = create({ idempotency: { store } }).sendMessage(input, {
      idempotencyKey: 'k',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    const error = await rejection(waiter);
    expect(error.code).toBe('aborted');
    pending[0]!.resolve({ messageId: 'm' });
    await expect(holder).resolves.toMatchObject({ messageId: 'm' });
    expect(sent).toHaveLength(1);
  });
});
