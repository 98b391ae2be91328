import {
  ConnectorError,
  normalizeSuppressionAddress,
  type SuppressionEntry,
  type SuppressionListPage,
  type SuppressionStore,
  suppressionReasons,
} from '@org/connector-core';
import { z } from 'zod';
import { luaScript } from './lua-script.js';
import { RedisStoreError, type RedisStoreErrorContext } from './store-error.js';
import {
  createStoreRuntime,
  invalidOptionsError,
  type LuaScript,
  type RedisStoreOptions,
} from './store-options.js';

export interface RedisSuppressionStoreOptions extends RedisStoreOptions {
  /**
   * The most addresses kept (default: no limit). When full, the address put longest ago goes
   * first, as in `createMemorySuppressionStore`: an evicted address can be sent to again, so
   * size it above the list you expect, or leave it unset and watch Redis's memory instead.
   */
  maxEntries?: number;
}

const what = 'createRedisSuppressionStore';

const optionsSchema = z.object({
  maxEntries: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

const optionsHint =
  'Pass { redis: a connected client, keyPrefix?, maxEntries?: a positive integer, onStoreError?: "fail-closed" | "fail-open", commandTimeoutMs?, onEvent? }.';

// What `put` accepts: the entry shape of the core, with the caps its docs state. Other processes
// read what is written, so a malformed entry is refused here rather than stored.
const entrySchema = z.object({
  // The longest mailbox the core accepts (`maxMailboxLength`).
  address: z.string().trim().min(1).max(320),
  reason: z.enum(
    suppressionReasons as [SuppressionEntry['reason'], ...SuppressionEntry['reason'][]],
  ),
  suppressedAt: z
    .string()
    .max(64)
    .refine((value) => Number.isFinite(Date.parse(value)), 'must be an ISO 8601 time'),
  provider: z.string().max(200).optional(),
  messageId: z.string().max(1000).optional(),
  detail: z.string().max(500).optional(),
});

const defaultPageSize = 100;
// One `list` call is one script: a bounded page keeps Redis from blocking on a huge one.
const maxPageSize = 1_000;
// Evictions one `put` may do: after `maxEntries` was lowered the list shrinks over a few puts
// instead of one long script.
const maxEvictionsPerPut = 100;

// KEYS: entries (hash address → JSON), by-address (zset, score 0: byte order, for `list`),
// by-age (zset scored by `seq`: eviction order), seq (counter). One hash tag: one cluster slot.
const getScript = luaScript(`return redis.call('HGET', KEYS[1], ARGV[1])`);

// ARGV = address, JSON entry, maxEntries (0: none). A re-put moves the address to the young end.
const putScript = luaScript(`local seq = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('ZADD', KEYS[3], seq, ARGV[1])
local max = tonumber(ARGV[3])
if max > 0 then
  local over = redis.call('ZCARD', KEYS[3]) - max
  if over > ${maxEvictionsPerPut} then over = ${maxEvictionsPerPut} end
  if over > 0 then
    local oldest = redis.call('ZRANGE', KEYS[3], 0, over - 1)
    for _, address in ipairs(oldest) do
      redis.call('HDEL', KEYS[1], address)
      redis.call('ZREM', KEYS[2], address)
      redis.call('ZREM', KEYS[3], address)
    end
  end
end
return 1`);

const deleteScript = luaScript(`redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1`);

// ARGV = cursor ('' for the first page), limit. Pages go in address order and the cursor is the
// last address read (as the memory store does), so puts and deletes while a reader pages never
// make it loop or skip others. Answers { next cursor or false, address, JSON, address, JSON… }.
const listScript = luaScript(`local limit = tonumber(ARGV[2])
local from = '-'
if ARGV[1] ~= '' then from = '(' .. ARGV[1] end
local addresses = redis.call('ZRANGEBYLEX', KEYS[2], from, '+', 'LIMIT', 0, limit + 1)
local reply = { false }
local count = #addresses
if count > limit then
  count = limit
  reply[1] = addresses[limit]
end
for i = 1, count do
  local value = redis.call('HGET', KEYS[1], addresses[i])
  if value then
    reply[#reply + 1] = addresses[i]
    reply[#reply + 1] = value
  else
    -- An index entry without its entry (e.g. the hash was deleted by hand): heal the index.
    redis.call('ZREM', KEYS[2], addresses[i])
    redis.call('ZREM', KEYS[3], addresses[i])
  end
end
return reply`);

const checkRedis = 'Check that Redis is reachable (URL, network, auth) and not out of memory';

// Only the lookup is on the send path; what a send does when it fails is the connector's
// `suppression.onStoreError`, so the default "retry the send / fail open" hint would mislead.
const contexts = {
  get: {
    consequence: 'The recipient could not be checked.',
    hint: `${checkRedis}. Meanwhile the connector's suppression.onStoreError decides: 'send' (its default) sends unchecked, 'reject' fails the send; creating this store with onStoreError: 'fail-open' answers "not suppressed" instead of this error.`,
  },
  put: {
    consequence: 'The address is not suppressed yet.',
    hint: `${checkRedis}, then retry. The SES feedback handler answers 500 on this, so SNS delivers the notification again.`,
  },
  delete: {
    consequence: 'The address is still suppressed.',
    hint: `${checkRedis}, then delete the address again.`,
  },
  list: {
    consequence: 'Nothing was read.',
    hint: `${checkRedis}, then read the page again (the same cursor).`,
  },
} satisfies Record<string, RedisStoreErrorContext>;

// Stands in for an entry this store cannot read (written by hand or by another tool): the
// address is on the list, and refusing it is the safe reading.
const unreadableAt = new Date(0).toISOString();

function parseEntry(address: string, value: unknown): SuppressionEntry {
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    parsed = undefined;
  }
  const result = entrySchema.safeParse({ ...(parsed as object), address });
  if (result.success) return withoutUndefined(result.data);
  return {
    address,
    reason: 'manual',
    suppressedAt: unreadableAt,
    detail: 'The stored entry could not be read.',
  };
}

function withoutUndefined(entry: z.output<typeof entrySchema>): SuppressionEntry {
  const { provider, messageId, detail, ...required } = entry;
  return {
    ...required,
    ...(provider === undefined ? {} : { provider }),
    ...(messageId === undefined ? {} : { messageId }),
    ...(detail === undefined ? {} : { detail }),
  };
}

/**
 * A `SuppressionStore` on Redis (`suppression.store`, and the SES feedback handler's
 * `suppressionStore`), shared by every process of a fleet: a hard bounce recorded by one stops
 * the sends of all. Entries live in one hash (`<prefix>{suppression}:entries`, address → JSON)
 * with two sorted sets beside it for paging and eviction; every call is one Lua script, and the
 * lookup a send makes is one `HGET`.
 *
 * Unlike the other stores it keeps addresses in Redis: a suppression list is a list of them.
 * Entries never expire. A failed lookup throws `RedisStoreError` (`fail-closed`, the default:
 * the connector's `suppression.onStoreError` then decides) or answers "not suppressed"
 * (`fail-open`); `put`, `delete` and `list` always reject with it, so nothing is lost silently.
 */
export function createRedisSuppressionStore(
  options: RedisSuppressionStoreOptions,
): SuppressionStore {
  const { maxEntries, ...storeOptions } = options ?? ({} as RedisSuppressionStoreOptions);
  const own = optionsSchema.safeParse({ maxEntries });
  if (!own.success) throw invalidOptionsError(what, own.error, optionsHint);
  const runtime = createStoreRuntime('suppression', what, storeOptions);
  const base = `${runtime.keyPrefix}{suppression}`;
  const keys = [`${base}:entries`, `${base}:by-address`, `${base}:by-age`, `${base}:seq`];
  const maxArg = String(own.data.maxEntries ?? 0);

  const run = async (
    operation: keyof typeof contexts,
    description: string,
    script: LuaScript,
    args: string[],
  ): Promise<unknown> => {
    try {
      // The lookup touches the hash only: one key, one O(1) command.
      return await runtime.run(
        description,
        script,
        operation === 'get' ? keys.slice(0, 1) : keys,
        args,
      );
    } catch (error) {
      if (!(error instanceof RedisStoreError)) throw error;
      throw new RedisStoreError('suppression', error.operation, error.cause, contexts[operation]);
    }
  };

  return {
    async get(address) {
      const normalized = normalizeSuppressionAddress(address);
      let value: unknown;
      try {
        value = await run('get', 'look up a recipient', getScript, [normalized]);
      } catch (error) {
        runtime.fail(error);
        return undefined;
      }
      return value === null || value === undefined ? undefined : parseEntry(normalized, value);
    },

    async put(entry) {
      const parsed = entrySchema.safeParse({
        ...entry,
        address: normalizeSuppressionAddress(String(entry?.address ?? '')),
      });
      if (!parsed.success) {
        const fields = parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
        );
        // The message names the fields, never the address (personal data).
        throw new ConnectorError(
          'invalid_request_parameters',
          `RedisSuppressionStore.put: invalid entry: ${fields.join('; ')}`,
          {
            hint: 'Pass a SuppressionEntry: { address, reason: "bounce" | "complaint" | "manual", suppressedAt: ISO 8601, provider?, messageId?, detail? (at most 500 characters) }.',
          },
        );
      }
      const stored = withoutUndefined(parsed.data);
      try {
        await run('put', 'record a suppression', putScript, [
          stored.address,
          JSON.stringify(stored),
          maxArg,
        ]);
      } catch (error) {
        // A lost suppression is a bounce sent again: never swallowed, whatever onStoreError says.
        runtime.fail(error, 'fail-closed');
      }
    },

    async delete(address) {
      try {
        await run('delete', 'lift a suppression', deleteScript, [
          normalizeSuppressionAddress(address),
        ]);
      } catch (error) {
        runtime.fail(error, 'fail-closed');
      }
    },

    async list(listOptions = {}): Promise<SuppressionListPage> {
      const requested = Math.floor(listOptions.limit ?? defaultPageSize);
      const limit = Number.isFinite(requested)
        ? Math.min(maxPageSize, Math.max(1, requested))
        : defaultPageSize;
      let reply: unknown;
      try {
        reply = await run('list', 'list suppressions', listScript, [
          listOptions.cursor ?? '',
          String(limit),
        ]);
      } catch (error) {
        runtime.fail(error, 'fail-closed');
        return { entries: [] };
      }
      const items = Array.isArray(reply) ? reply : [];
      const entries: SuppressionEntry[] = [];
      for (let i = 1; i + 1 < items.length; i += 2) {
        entries.push(parseEntry(String(items[i]), items[i + 1]));
      }
      const next = items[0];
      return typeof next === 'string' && next !== '' ? { entries, nextCursor: next } : { entries };
    },
  };
}
