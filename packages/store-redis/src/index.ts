export {
  fromIoredis,
  fromNodeRedis,
  type IoredisLike,
  type NodeRedisLike,
  type RedisClientInput,
  type RedisScriptClient,
} from './redis-client.js';
export { createRedisIdempotencyStore } from './redis-idempotency-store.js';
export { createRedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter.js';
export { createRedisRecipientThrottleStore } from './redis-recipient-throttle-store.js';
export {
  createRedisSuppressionStore,
  type RedisSuppressionStoreOptions,
} from './redis-suppression-store.js';
export {
  RedisCommandTimeoutError,
  RedisStoreError,
  type RedisStoreErrorContext,
  type RedisStoreName,
} from './store-error.js';
export type {
  OnStoreError,
  RedisStoreEvent,
  RedisStoreOptions,
} from './store-options.js';
