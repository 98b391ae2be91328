import {
  normalizeSuppressionAddress,
  type SuppressionEntry,
  type SuppressionListPage,
  type SuppressionStore,
} from './suppression-store.js';

export interface MemorySuppressionStoreOptions {
  /**
   * The most addresses kept at once (default 100 000). When full, the oldest entry goes first:
   * an evicted address can be sent to again, so size it above the list you expect.
   */
  maxEntries?: number;
  /** Entries to start with, e.g. an export of the provider's own suppression list. */
  entries?: readonly SuppressionEntry[];
}

const defaultMaxEntries = 100_000;
const defaultPageSize = 100;

function copy(entry: SuppressionEntry): SuppressionEntry {
  return { ...entry };
}

/**
 * The default `SuppressionStore`: a bounded map in this process. It forgets everything on a
 * restart and is not shared between processes; use a Redis- or database-backed store for that.
 */
export function createMemorySuppressionStore(
  options: MemorySuppressionStoreOptions = {},
): SuppressionStore {
  const maxEntries = options.maxEntries ?? defaultMaxEntries;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(
      `createMemorySuppressionStore: maxEntries must be a positive integer, got ${maxEntries}`,
    );
  }
  const entries = new Map<string, SuppressionEntry>();

  const put = (entry: SuppressionEntry): void => {
    const address = normalizeSuppressionAddress(entry.address);
    // Re-inserting moves the address to the end of the map's order, which is the eviction order.
    entries.delete(address);
    for (const oldest of entries.keys()) {
      if (entries.size < maxEntries) break;
      entries.delete(oldest);
    }
    entries.set(address, { ...copy(entry), address });
  };
  for (const entry of options.entries ?? []) put(entry);

  return {
    async get(address) {
      const entry = entries.get(normalizeSuppressionAddress(address));
      return entry === undefined ? undefined : copy(entry);
    },
    async put(entry) {
      put(entry);
    },
    async delete(address) {
      entries.delete(normalizeSuppressionAddress(address));
    },
    async list(listOptions = {}): Promise<SuppressionListPage> {
      const limit = Math.max(1, Math.floor(listOptions.limit ?? defaultPageSize));
      // The cursor is the last address of the previous page and pages go in address order, so
      // entries added or deleted while a reader pages through never make it loop or skip others.
      const { cursor } = listOptions;
      const after = [...entries.keys()]
        .filter((address) => cursor === undefined || address > cursor)
        .sort();
      const page = after.slice(0, limit).map((address) => copy(entries.get(address)!));
      const last = page.at(-1);
      return after.length > limit && last !== undefined
        ? { entries: page, nextCursor: last.address }
        : { entries: page };
    },
  };
}
