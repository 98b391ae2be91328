import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryIdempotencyStore } from './idempotency-memory-store.js';

const result = { messageId: 'm-1', provider: 'test', attempts: 1 };

describe('createMemoryIdempotencyStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets exactly one of several concurrent claims win', async () => {
    const store = createMemoryIdempotencyStore();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claim('k', { fingerprint: 'f' }, 1_000)),
    );
    expect(claims.filter((c) => c.status === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.status === 'pending')).toHaveLength(4);
    expect(claims[1]).toEqual({ status: 'pending', record: { fingerprint: 'f' } });
  });

  it('answers done with the result once it is set, and frees the key on delete', async () => {
    const store = createMemoryIdempotencyStore();
    await store.claim('k', { fingerprint: 'f' }, 1_000);
    await store.set('k', { fingerprint: 'f', result }, 60_000);
    expect(await store.claim('k', { fingerprint: 'g' }, 1_000)).toEqual({
      status: 'done',
      record: { fingerprint: 'f', result },
    });
    expect(await store.get('k')).toEqual({ fingerprint: 'f', result });
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
    expect((await store.claim('k', { fingerprint: 'g' }, 1_000)).status).toBe('claimed');
  });

  it('expires a claim after its lease and a result after its TTL', async () => {
    const store = createMemoryIdempotencyStore();
    await store.claim('lease', { fingerprint: 'f' }, 1_000);
    await store.claim('done', { fingerprint: 'f' }, 1_000);
    await store.set('done', { fingerprint: 'f', result }, 5_000);
    vi.advanceTimersByTime(999);
    expect((await store.claim('lease', { fingerprint: 'f' }, 1_000)).status).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(await store.get('lease')).toBeUndefined();
    expect((await store.claim('lease', { fingerprint: 'f' }, 1_000)).status).toBe('claimed');
    expect((await store.get('done'))?.result).toEqual(result);
    vi.advanceTimersByTime(4_000);
    expect(await store.get('done')).toBeUndefined();
  });

  it('hands out copies, so a caller mutating a result cannot change what is replayed', async () => {
    const store = createMemoryIdempotencyStore();
    const record = { fingerprint: 'f', result: { ...result } };
    await store.set('k', record, 1_000);
    record.result.messageId = 'changed';
    const read = await store.get('k');
    read!.result!.messageId = 'changed again';
    expect((await store.get('k'))?.result?.messageId).toBe('m-1');
  });

  it('stays within maxKeys, dropping expired keys first, then the oldest', async () => {
    const store = createMemoryIdempotencyStore({ maxKeys: 3 });
    await store.set('short', { fingerprint: 'f', result }, 10);
    await store.set('a', { fingerprint: 'f', result }, 60_000);
    await store.set('b', { fingerprint: 'f', result }, 60_000);
    vi.advanceTimersByTime(10);
    await store.set('c', { fingerprint: 'f', result }, 60_000);
    expect(await store.get('a')).toBeDefined();
    await store.set('d', { fingerprint: 'f', result }, 60_000);
    expect(await store.get('a')).toBeUndefined();
    for (const key of ['b', 'c', 'd']) expect(await store.get(key)).toBeDefined();
  });

  it('rejects a maxKeys that is not a positive integer', () => {
    expect(() => createMemoryIdempotencyStore({ maxKeys: 0 })).toThrow(/positive integer/);
    expect(() => createMemoryIdempotencyStore({ maxKeys: 1.5 })).toThrow(/positive integer/);
  });
});
