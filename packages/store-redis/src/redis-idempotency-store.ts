import type {
  CompletedIdempotencyRecord,
  IdempotencyClaim,
  IdempotencyRecord,
  IdempotencyStore,
} from '@org/connector-core';
import { luaScript } from './lua-script.js';
import { createStoreRuntime, type RedisStoreOptions } from './store-options.js';

// One script for every operation: one SHA to cache, and the claim is atomic by construction.
const idempotencyScript = luaScript(`local op = ARGV[1]
if op == 'claim' then
  local held = redis.call('GET', KEYS[1])
  if held then return held end
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return false
elseif op == 'get' then
  return redis.call('GET', KEYS[1])
elseif op == 'set' then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
elseif op == 'set-late' then
  -- A retried result write: only over its own claim, or where the key has expired.
  local held = redis.call('GET', KEYS[1])
  if held and not string.find(held, ARGV[4], 1, true) then return 0 end
  if held and string.find(held, '"result"', 1, true) then return 0 end
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
elseif op == 'delete' then
  return redis.call('DEL', KEYS[1])
end
return redis.error_reply('unknown op ' .. tostring(op))`);

function parseRecord(value: unknown): IdempotencyRecord | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const record = JSON.parse(value) as IdempotencyRecord;
    return typeof record?.fingerprint === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An `IdempotencyStore` on Redis: one key per idempotency key (`<prefix>{idem:…}`, the core's
 * digest of it, never the key itself), a JSON record of its fingerprint and result, expiring
 * with its TTL. `claim` is one Lua script (GET, else SET PX): two processes can never both
 * claim a key.
 *
 * Under `fail-open`, a failed claim answers `claimed` (the send goes out without dedupe) and a
 * failed read answers "no record"; under `fail-closed` both throw `RedisStoreError`. A failed
 * `set` or `delete` never fails a send (the email already went out, or the lease frees the key);
 * a failed `set` is retried in the background (`backgroundRetryMs`) over its own claim only.
 */
export function createRedisIdempotencyStore(options: RedisStoreOptions): IdempotencyStore {
  const runtime = createStoreRuntime('idempotency', 'createRedisIdempotencyStore', options);
  const redisKey = (key: string) => `${runtime.keyPrefix}{${key}}`;
  const run = (operation: string, key: string, args: string[]) =>
    runtime.run(operation, idempotencyScript, [redisKey(key)], args);

  return {
    async get(key) {
      try {
        return parseRecord(await run('read a key', key, ['get']));
      } catch (error) {
        runtime.fail(error);
        return undefined;
      }
    },
    async set(key, record: CompletedIdempotencyRecord, ttlMs) {
      const value = JSON.stringify(record);
      try {
        await run('record a result', key, ['set', value, String(ttlMs)]);
      } catch (error) {
        // The email went out: until its result is written, a retry with the key after the
        // claim's lease would send it again. Keep trying while Redis comes back.
        const fingerprint = JSON.stringify(record.fingerprint);
        runtime.retryInBackground(() =>
          run('record a result', key, ['set-late', value, String(ttlMs), fingerprint]),
        );
        runtime.fail(error);
      }
    },
    async delete(key) {
      try {
        await run('release a key', key, ['delete']);
      } catch (error) {
        runtime.fail(error);
      }
    },
    async claim(key, record, ttlMs): Promise<IdempotencyClaim> {
      let reply: unknown;
      try {
        reply = await run('claim a key', key, ['claim', JSON.stringify(record), String(ttlMs)]);
      } catch (error) {
        runtime.fail(error);
        return { status: 'claimed' };
      }
      if (reply === null || reply === undefined) return { status: 'claimed' };
      const existing = parseRecord(reply);
      // Not ours to read (another writer, or corrupt): treat like a live claim of another send.
      if (existing === undefined) return { status: 'pending', record: { fingerprint: '' } };
      return existing.result === undefined
        ? { status: 'pending', record: existing }
        : { status: 'done', record: existing as CompletedIdempotencyRecord };
    },
  };
}
