import { randomUUID } from 'node:crypto';
import type { RecipientThrottleHit, RecipientThrottleStore } from '@org/connector-core';
import { luaNowMs, luaScript } from './lua-script.js';
import { createStoreRuntime, type RedisStoreOptions } from './store-options.js';

// A sliding log per recipient: a ZSET of send times, trimmed to the window on every hit.
// ARGV = max, windowMs, a unique member. Answers { allowed, count, retry after ms }.
const throttleScript = luaScript(`${luaNowMs}
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], count - max, count - max, 'WITHSCORES')
  local retry = tonumber(oldest[2]) + window - now
  if retry < 1 then retry = 1 end
  return { 0, count, math.ceil(retry) }
end
redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return { 1, count + 1, 0 }`);

/**
 * A `RecipientThrottleStore` on Redis (`recipientLimit.store`): one ZSET per recipient
 * (`<prefix>{rcpt:<HMAC>}`, the digest the core computes, never an address) holding the send
 * times within the window; one Lua call per send counts and decides atomically, on the
 * server's clock.
 *
 * Under `fail-open` a Redis failure lets the send through uncounted; under `fail-closed` it
 * fails with `RedisStoreError`.
 */
export function createRedisRecipientThrottleStore(
  options: RedisStoreOptions,
): RecipientThrottleStore {
  const runtime = createStoreRuntime(
    'recipient-throttle',
    'createRedisRecipientThrottleStore',
    options,
  );
  return {
    async hit(key, max, windowMs): Promise<RecipientThrottleHit> {
      let reply: unknown;
      try {
        reply = await runtime.run(
          'count a send',
          throttleScript,
          [`${runtime.keyPrefix}{${key}}`],
          [String(max), String(windowMs), randomUUID()],
        );
      } catch (error) {
        runtime.fail(error);
        return { allowed: true, count: 0, retryAfterMs: 0 };
      }
      const [allowed, count, retryAfterMs] = Array.isArray(reply) ? reply.map(Number) : [];
      return { allowed: allowed === 1, count: count ?? 0, retryAfterMs: retryAfterMs ?? 0 };
    },
  };
}
