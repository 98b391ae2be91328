import type { SuppressionEntry, SuppressionStore } from '@org/connector-core';
import { expect } from 'vitest';

/**
 * The behaviour of core's `createMemorySuppressionStore` (its tests, case by case, and a few
 * more), run against it and against the Redis store: whatever one does, the other does too.
 */
export interface SuppressionStoreCase {
  name: string;
  /** The store's `maxEntries`, for the eviction cases. */
  maxEntries?: number;
  run(store: SuppressionStore): Promise<void>;
}

export const suppressedAt = '2026-12-03T08:00:00.000Z';

export const entry = (
  address: string,
  reason: SuppressionEntry['reason'] = 'bounce',
): SuppressionEntry => ({ address, reason, suppressedAt });

async function listAll(store: SuppressionStore, limit?: number): Promise<SuppressionEntry[]> {
  const seen: SuppressionEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list({
      ...(limit === undefined ? {} : { limit }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    seen.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return seen;
}

export const suppressionStoreCases: SuppressionStoreCase[] = [
  {
    name: 'files addresses case-insensitively and lifts them on delete',
    async run(store) {
      await store.put(entry('Jane@Example.COM'));
      expect(await store.get('jane@example.com')).toEqual(entry('jane@example.com'));
      expect(await store.get(' JANE@example.com ')).toBeDefined();
      await store.delete('JANE@EXAMPLE.COM');
      expect(await store.get('jane@example.com')).toBeUndefined();
      await expect(store.delete('nobody@example.com')).resolves.toBeUndefined();
    },
  },
  {
    name: 'replaces the entry of an address (last writer wins) and hands out copies',
    async run(store) {
      await store.put(entry('a@example.com'));
      await store.put(entry('a@example.com', 'complaint'));
      const got = await store.get('a@example.com');
      expect(got?.reason).toBe('complaint');
      got!.reason = 'manual';
      expect((await store.get('a@example.com'))?.reason).toBe('complaint');
      expect((await store.list()).entries).toHaveLength(1);
    },
  },
  {
    name: 'keeps every field of an entry',
    async run(store) {
      const full: SuppressionEntry = {
        address: 'bob@example.com',
        reason: 'bounce',
        suppressedAt,
        provider: 'aws-ses',
        messageId: '010001-abc',
        detail: 'smtp; 550 5.1.1 user unknown',
      };
      await store.put(full);
      expect(await store.get('bob@example.com')).toEqual(full);
      expect((await store.list()).entries).toEqual([full]);
    },
  },
  {
    name: 'answers undefined for an address never suppressed, and an empty first page',
    async run(store) {
      expect(await store.get('ada@example.com')).toBeUndefined();
      expect(await store.list()).toEqual({ entries: [] });
    },
  },
  {
    name: 'evicts the oldest entry when full',
    maxEntries: 2,
    async run(store) {
      await store.put(entry('a@example.com'));
      await store.put(entry('b@example.com'));
      await store.put(entry('c@example.com'));
      expect(await store.get('a@example.com')).toBeUndefined();
      expect(await store.get('b@example.com')).toBeDefined();
      expect(await store.get('c@example.com')).toBeDefined();
    },
  },
  {
    name: 'a re-put makes an entry the youngest, and an update when full evicts nothing',
    maxEntries: 2,
    async run(store) {
      await store.put(entry('a@example.com'));
      await store.put(entry('b@example.com'));
      await store.put(entry('a@example.com', 'complaint'));
      expect((await listAll(store)).map((e) => e.address)).toEqual([
        'a@example.com',
        'b@example.com',
      ]);
      await store.put(entry('c@example.com'));
      expect(await store.get('b@example.com')).toBeUndefined();
      expect((await store.get('a@example.com'))?.reason).toBe('complaint');
    },
  },
  {
    name: 'pages through every entry exactly once, even while entries are deleted',
    async run(store) {
      const addresses = Array.from({ length: 25 }, (_, i) => `user${i}@example.com`);
      for (const address of addresses) await store.put(entry(address));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({ limit: 10, ...(cursor === undefined ? {} : { cursor }) });
        expect(page.entries.length).toBeLessThanOrEqual(10);
        for (const e of page.entries) {
          seen.push(e.address);
          await store.delete(e.address);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen.sort()).toEqual([...addresses].sort());
      expect((await store.list()).entries).toEqual([]);
    },
  },
  {
    name: 'pages exactly once while entries are re-put and added, and ends without a cursor',
    async run(store) {
      const addresses = Array.from(
        { length: 12 },
        (_, i) => `p${String(i).padStart(2, '0')}@x.test`,
      );
      for (const address of addresses) await store.put(entry(address));
      const first = await store.list({ limit: 5 });
      expect(first.entries).toHaveLength(5);
      expect(first.nextCursor).toBeDefined();
      // Re-putting an address already read, and adding one before the cursor, changes nothing
      // for the rest of this read.
      await store.put(entry(first.entries[0]!.address, 'complaint'));
      await store.put(entry('a-before@x.test'));
      const rest: string[] = [];
      let cursor = first.nextCursor;
      while (cursor !== undefined) {
        const page = await store.list({ limit: 5, cursor });
        rest.push(...page.entries.map((e) => e.address));
        cursor = page.nextCursor;
      }
      expect([...first.entries.map((e) => e.address), ...rest].sort()).toEqual(addresses);
      const exact = await store.list({ limit: 13 });
      expect(exact.entries).toHaveLength(13);
      expect(exact.nextCursor).toBeUndefined();
    },
  },
  {
    name: 'a limit below 1 still reads one entry per page',
    async run(store) {
      await store.put(entry('a@example.com'));
      await store.put(entry('b@example.com'));
      const page = await store.list({ limit: 0 });
      expect(page.entries).toHaveLength(1);
      expect(page.nextCursor).toBeDefined();
    },
  },
  {
    name: 'takes 50 concurrent puts and deletes without losing one',
    async run(store) {
      const addresses = Array.from({ length: 50 }, (_, i) => `c${i}@example.com`);
      await Promise.all(addresses.map((address) => store.put(entry(address))));
      await Promise.all(addresses.slice(0, 10).map((address) => store.delete(address)));
      expect((await listAll(store, 7)).map((e) => e.address).sort()).toEqual(
        addresses.slice(10).sort(),
      );
    },
  },
];
