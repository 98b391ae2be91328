/**
 * What the stores need from a Redis client: run a Lua script by SHA1 and by source. Every
 * store operation is one script, so these two calls are the whole surface; adapt any client
 * to it (see `fromIoredis`).
 */
export interface RedisScriptClient {
  /** `EVALSHA sha numkeys ...keys ...args`. Rejects with a `NOSCRIPT` error when not cached. */
  evalSha(sha: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /** `EVAL script numkeys ...keys ...args` (also caches the script on the server). */
  eval(script: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
}

/** The part of a node-redis 5 client (`createClient()` from `redis` or `@redis/client`) used. */
export interface NodeRedisLike {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** The part of an ioredis client (`new Redis()`, or a `Cluster`) the adapter uses. */
export interface IoredisLike {
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/**
 * Adapts an ioredis client (`new Redis(url)` or `new Redis.Cluster(nodes)`) to the stores.
 *
 * ```ts
 * import Redis from 'ioredis';
 * const redis = fromIoredis(new Redis(process.env.REDIS_URL, { enableOfflineQueue: false }));
 * ```
 */
export function fromIoredis(client: IoredisLike): RedisScriptClient {
  if (typeof client?.evalsha !== 'function' || typeof client.eval !== 'function') {
    throw new TypeError('fromIoredis: expected an ioredis client (with evalsha and eval).');
  }
  return {
    evalSha: (sha, keys, args) => client.evalsha(sha, keys.length, ...keys, ...args),
    eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
  };
}

/** Adapts a node-redis 5 client; the stores do this themselves when given one. */
export function fromNodeRedis(client: NodeRedisLike): RedisScriptClient {
  return {
    evalSha: (sha, keys, args) => client.evalSha(sha, { keys: [...keys], arguments: [...args] }),
    eval: (script, keys, args) => client.eval(script, { keys: [...keys], arguments: [...args] }),
  };
}

const adapted = Symbol.for('@org/connector-store-redis/adapted');

/** A node-redis client, an adapted one, or a hand-written `RedisScriptClient`. */
export type RedisClientInput = NodeRedisLike | RedisScriptClient;

/** Normalises what the user passed to a `RedisScriptClient`, or throws a TypeError saying why. */
export function toScriptClient(client: unknown): RedisScriptClient {
  const candidate = client as Record<string | symbol, unknown> | null | undefined;
  if (typeof candidate !== 'object' || candidate === null) {
    throw new TypeError(
      'redis: expected a node-redis 5 client (createClient() from "redis"), or fromIoredis(new Redis()).',
    );
  }
  if (candidate[adapted] === true) return candidate as unknown as RedisScriptClient;
  // node-redis and a RedisScriptClient share the names; node-redis takes an options object.
  // An ioredis client has evalsha (lower case) and needs the adapter: its eval differs.
  if (typeof candidate.evalSha === 'function' && typeof candidate.eval === 'function') {
    const isNodeRedis =
      typeof candidate.sendCommand === 'function' || typeof candidate.scriptLoad === 'function';
    const script = isNodeRedis
      ? fromNodeRedis(candidate as unknown as NodeRedisLike)
      : (candidate as unknown as RedisScriptClient);
    Object.defineProperty(script, adapted, { value: true, enumerable: false });
    return script;
  }
  if (typeof candidate.evalsha === 'function') {
    throw new TypeError(
      'redis: this looks like an ioredis client; wrap it: { redis: fromIoredis(client) }.',
    );
  }
  throw new TypeError(
    'redis: expected a node-redis 5 client (createClient() from "redis"), or fromIoredis(new Redis()).',
  );
}
