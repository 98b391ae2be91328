import { describe, expect, it } from 'vitest';
import { createMemorySuppressionStore } from './suppression-memory-store.js';
import type { SuppressionEntry } from './suppression-store.js';

const entry = (
  address: string,
  reason: SuppressionEntry['reason'] = 'bounce',
): SuppressionEntry => ({
  address,
  reason,
  suppressedAt: '2026-12-03T08:00:00.000Z',
});

describe('createMemorySuppressionStore', () => {
  it('files addresses case-insensitively and lifts them on delete', async () => {
    const store = createMemorySuppressionStore();
    await store.put(entry('Jane@Example.COM'));
    expect(await store.get('jane@example.com')).toEqual(entry('jane@example.com'));
    expect(await store.get(' JANE@example.com ')).toBeDefined();
    await store.delete('JANE@EXAMPLE.COM');
    expect(await store.get('jane@example.com')).toBeUndefined();
    await expect(store.delete('nobody@example.com')).resolves.toBeUndefined();
  });

  it('replaces the entry of an address and hands out copies', async () => {
    const store = createMemorySuppressionStore({ entries: [entry('a@example.com')] });
    await store.put(entry('a@example.com', 'complaint'));
    const got = await store.get('a@example.com');
    expect(got?.reason).toBe('complaint');
    got!.reason = 'manual';
    expect((await store.get('a@example.com'))?.reason).toBe('complaint');
  });

  it('evicts the oldest entry when full', async () => {
    const store = createMemorySuppressionStore({ maxEntries: 2 });
    await store.put(entry('a@example.com'));
    await store.put(entry('b@example.com'));
    await store.put(entry('c@example.com'));
    expect(await store.get('a@example.com')).toBeUndefined();
    expect(await store.get('c@example.com')).toBeDefined();
  });

  it('pages through every entry exactly once, even while entries are deleted', async () => {
    const store = createMemorySuppressionStore();
    const addresses = Array.from({ length: 25 }, (_, i) => `user${i}@example.com`);
    for (const address of addresses) await store.put(entry(address));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({ limit: 10, ...(cursor === undefined ? {} : { cursor }) });
      for (const e of page.entries) {
        seen.push(e.address);
        await store.delete(e.address);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen.sort()).toEqual([...addresses].sort());
    expect((await store.list()).entries).toEqual([]);
  });

  it('refuses a bad size', () => {
    expect(() => createMemorySuppressionStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
