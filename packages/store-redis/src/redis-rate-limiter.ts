import { randomUUID } from 'node:crypto';
import {
  createMemoryRateLimiter,
  QueueWaitExceededError,
  type RateLimiter,
  type RateLimitRequest,
  type ReleaseToken,
} from '@org/connector-core';
import { luaNowMs, luaScript } from './lua-script.js';
import { createStoreRuntime, type RedisStoreOptions } from './store-options.js';

/*
 * The core's token bucket, kept in Redis so every process shares it. Three keys under one hash
 * tag: `held` (a ZSET of tokens out, scored by their lease's end), `back` (a ZSET of released
 * tokens, scored by when they stop counting) and `next` (the earliest next grant, for even
 * spacing). acquire: ARGV = op, tokens, rate, leaseMs, grant id. It answers
 * { 1 } when granted, or { 0, wait ms, exact }: exact 0 means it waits on tokens still out,
 * which come back no sooner than one window from now (a lower bound).
 */
const rateScript = luaScript(`${luaNowMs}
local op = ARGV[1]
local tokens = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])
local capacity = math.max(1, math.floor(rate))
local window = math.max(1000, 1000 / rate)
local lease = tonumber(ARGV[4])
local id = ARGV[5]
local held, back, nextKey = KEYS[1], KEYS[2], KEYS[3]
local ttl = math.ceil(lease + window)
if op == 'release' then
  for i = 1, tokens do
    if redis.call('ZREM', held, id .. ':' .. i) == 1 then
      redis.call('ZADD', back, now + window, id .. ':' .. i)
    end
  end
  redis.call('PEXPIRE', back, ttl)
  return { 1 }
end
redis.call('ZREMRANGEBYSCORE', held, '-inf', now)
redis.call('ZREMRANGEBYSCORE', back, '-inf', now)
local out = redis.call('ZCARD', held)
local returning = redis.call('ZCARD', back)
local ready = tonumber(redis.call('GET', nextKey) or '0')
if ready < now then ready = now end
local exact = 1
local over = out + returning + math.min(tokens, capacity) - capacity
if over > 0 then
  if over <= returning then
    local at = tonumber(redis.call('ZRANGE', back, over - 1, over - 1, 'WITHSCORES')[2])
    if at > ready then ready = at end
  else
    exact = 0
    if now + window > ready then ready = now + window end
  end
end
if ready > now then return { 0, math.ceil(ready - now), exact } end
local expires = now + lease
for i = 1, tokens do redis.call('ZADD', held, expires, id .. ':' .. i) end
redis.call('PEXPIRE', held, ttl)
-- Spaced from the slot's scheduled time, not the grant's: a waiter that asks late (a busy
-- event loop, a round trip) must not cost the fleet that time on every grant. Up to 50 ms (or
-- one interval) is made up; the tokens counted above keep every window within the rate anyway.
local base = tonumber(redis.call('GET', nextKey) or '0')
local catchUp = math.max(50, 1000 / rate)
if base < now - catchUp then base = now - catchUp end
redis.call('SET', nextKey, tostring(base + tokens * 1000 / rate), 'PX', ttl)
return { 1 }`);

export interface RedisRateLimiterOptions extends RedisStoreOptions {
  /**
   * How long a token may stay out before Redis takes it back, in ms (default 60 000): when a
   * process dies mid-send its tokens return after this. Keep it above the longest a send takes.
   */
  leaseMs?: number;
}

interface Waiter {
  request: RateLimitRequest;
  deadline: number;
  settled: boolean;
  resolve(release: ReleaseToken): void;
  reject(error: unknown): void;
}

interface KeyQueue {
  waiters: Waiter[];
  /** Aborted to cut the head's sleep short when the queue changes. */
  wake: AbortController;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function parseReply(reply: unknown): { granted: boolean; waitMs: number; exact: boolean } {
  const [granted, wait, exact] = Array.isArray(reply) ? reply.map(Number) : [];
  return { granted: granted === 1, waitMs: wait ?? 0, exact: exact === 1 };
}

/**
 * A `RateLimiter` on Redis: the processes of a fleet share one bucket per key, so together they
 * keep an account's rate (e.g. SES MaxSendRate). One script call per grant (atomic on the
 * server, on the server's clock); a waiting send sleeps until the time the script names, and
 * within a process waiting sends queue first come first served, so only the head asks Redis.
 * Releasing (after the provider call) is one more call, off the send's path.
 *
 * Under `fail-open` a Redis failure paces the send with a memory limiter of this process
 * instead (the fleet may then exceed the rate by its size; the provider throttles and the
 * SDK retries); under `fail-closed` it fails with `RedisStoreError`.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { leaseMs = 60_000, ...storeOptions } = options ?? ({} as RedisRateLimiterOptions);
  const runtime = createStoreRuntime('rate-limiter', 'createRedisRateLimiter', storeOptions);
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 1_000) {
    throw new RangeError(
      'createRedisRateLimiter: leaseMs must be a whole number of ms, 1000 or more',
    );
  }
  const fallback = createMemoryRateLimiter();
  const queues = new Map<string, KeyQueue>();
  const keysOf = (key: string) => {
    const base = `${runtime.keyPrefix}{rl:${key}}`;
    return [`${base}:held`, `${base}:back`, `${base}:next`];
  };

  const release = (request: RateLimitRequest, id: string): ReleaseToken => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const args = [
        'release',
        String(request.tokens),
        String(request.ratePerSecond),
        String(leaseMs),
        id,
      ];
      const keys = keysOf(request.key);
      runtime.run('release tokens', rateScript, keys, args).catch((error: unknown) => {
        // Unreleased tokens stay out until their lease ends: try again while Redis comes
        // back (a release touches this grant's own tokens only, so a late one is harmless).
        runtime.retryInBackground(() => runtime.run('release tokens', rateScript, keys, args));
        try {
          runtime.fail(error);
        } catch {
          // fail-closed has nobody to fail here: the send is over.
        }
      });
    };
  };

  const settle = (queue: KeyQueue, waiter: Waiter, outcome: () => void): void => {
    if (waiter.settled) return;
    waiter.settled = true;
    const index = queue.waiters.indexOf(waiter);
    if (index !== -1) queue.waiters.splice(index, 1);
    outcome();
    queue.wake.abort();
  };

  // Serves one key's queue: the head asks Redis, sleeps as told, and asks again.
  const pump = async (key: string, queue: KeyQueue): Promise<void> => {
    while (queue.waiters.length > 0) {
      const head = queue.waiters[0] as Waiter;
      const { request } = head;
      const id = randomUUID();
      const args = [
        'acquire',
        String(request.tokens),
        String(request.ratePerSecond),
        String(leaseMs),
        id,
      ];
      let reply: ReturnType<typeof parseReply>;
      try {
        reply = parseReply(await runtime.run('take tokens', rateScript, keysOf(key), args));
      } catch (error) {
        if (head.settled) continue;
        try {
          runtime.fail(error);
        } catch (failure) {
          settle(queue, head, () => head.reject(failure));
          continue;
        }
        settle(queue, head, () => {});
        fallback.acquire(request).then(head.resolve, head.reject);
        continue;
      }
      if (reply.granted) {
        const give = release(request, id);
        // Aborted or timed out while Redis answered: the tokens go straight back.
        if (head.settled) give();
        else settle(queue, head, () => head.resolve(give));
        continue;
      }
      if (head.settled) continue;
      const now = Date.now();
      if (now + reply.waitMs > head.deadline) {
        const waited = now > head.deadline - request.maxWaitMs + 1;
        settle(queue, head, () =>
          head.reject(
            new QueueWaitExceededError(
              waited ? request.maxWaitMs : reply.waitMs,
              request.maxWaitMs,
              request.ratePerSecond,
              waited,
            ),
          ),
        );
        continue;
      }
      queue.wake = new AbortController();
      await sleep(reply.waitMs, queue.wake.signal);
    }
    queues.delete(key);
  };

  return {
    acquire(request) {
      if (request.signal?.aborted) return Promise.reject(request.signal.reason);
      if (!(Number.isSafeInteger(request.tokens) && request.tokens >= 1)) {
        return Promise.reject(
          new RangeError(`tokens must be a positive integer, got ${request.tokens}`),
        );
      }
      if (!(Number.isFinite(request.ratePerSecond) && request.ratePerSecond > 0)) {
        return Promise.reject(
          new RangeError(`ratePerSecond must be a positive number, got ${request.ratePerSecond}`),
        );
      }
      const existing = queues.get(request.key);
      // Refused at once on a lower bound (the sends queued ahead, evenly spaced): never wrong.
      const ahead = (existing?.waiters ?? []).reduce((sum, w) => sum + w.request.tokens, 0);
      const estimate = (ahead * 1000) / request.ratePerSecond;
      if (estimate > request.maxWaitMs) {
        return Promise.reject(
          new QueueWaitExceededError(estimate, request.maxWaitMs, request.ratePerSecond, false),
        );
      }
      return new Promise<ReleaseToken>((resolve, reject) => {
        const queue: KeyQueue = existing ?? { waiters: [], wake: new AbortController() };
        const { signal } = request;
        const onAbort = () => settle(queue, waiter, () => waiter.reject(signal?.reason));
        // Behind the head a waiter cannot see its deadline pass: a timer does. (The head's
        // deadline is the pump's: it never sleeps past it, and its first ask is always made.)
        const timer = setTimeout(
          () =>
            queue.waiters[0] !== waiter &&
            settle(queue, waiter, () =>
              waiter.reject(
                new QueueWaitExceededError(
                  request.maxWaitMs,
                  request.maxWaitMs,
                  request.ratePerSecond,
                  true,
                ),
              ),
            ),
          request.maxWaitMs + 1,
        );
        const cleanup = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        const waiter: Waiter = {
          request,
          deadline: Date.now() + request.maxWaitMs,
          settled: false,
          resolve: (value) => {
            cleanup();
            resolve(value);
          },
          reject: (error) => {
            cleanup();
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.waiters.push(waiter);
        if (existing === undefined) {
          queues.set(request.key, queue);
          void pump(request.key, queue);
        }
      });
    },
  };
}
