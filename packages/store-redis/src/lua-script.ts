import { createHash } from 'node:crypto';
import type { LuaScript } from './store-options.js';

/** A Lua script with its SHA1, the name EVALSHA knows it by. */
export function luaScript(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Lua: the server's clock in ms (TIME), shared by every process using the store. */
export const luaNowMs = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
