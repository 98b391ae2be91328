import { createHmac, randomBytes } from 'node:crypto';
import { ConnectorError } from './connector-error.js';
import type { ConnectorEvent, ConnectorOptions, Mailbox } from './contract.js';
import type { RecipientLimitOptions } from './recipient-limit-options.js';
import { createMemoryRecipientThrottleStore } from './recipient-throttle-memory-store.js';
import type { RecipientThrottleStore } from './recipient-throttle-store.js';

export type { RecipientLimitOptions } from './recipient-limit-options.js';

import type { UsageType } from './usage-types.js';

interface EventBase {
  provider: string;
  usageType: UsageType;
  recipient: string;
}

export interface RecipientThrottle {
  /** Counts a send to `recipient`; throws `rate_limit_exceeded` (not retryable) past the limit. */
  check(recipient: Mailbox, base: EventBase): Promise<void>;
}

export interface RecipientThrottleContext {
  provider: string;
  emit(event: ConnectorEvent): void;
}

/**
 * The form of an address that is counted: lower case, NFC, and without a `+tag` in the local
 * part, so `Ada+1@Example.com` and `ada@example.com` share one count (plus addressing must not
 * be a way around the limit).
 */
export function normalizeRecipient(address: string): string {
  const lower = address.normalize('NFC').trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * The pipeline's per-recipient throttle, or undefined when `recipientLimit` is not set.
 *
 * @throws ConnectorError `invalid_config` when the options are malformed.
 */
export function createRecipientThrottle(
  options: ConnectorOptions,
  { provider, emit }: RecipientThrottleContext,
): RecipientThrottle | undefined {
  const limit = options.recipientLimit;
  if (limit === undefined) return undefined;
  const problems: string[] = [];
  if (typeof limit !== 'object' || limit === null)
    problems.push('recipientLimit: must be an object');
  const { max, windowMs, store, secret } = (limit ?? {}) as Partial<RecipientLimitOptions>;
  if (!isPositiveInteger(max)) problems.push('recipientLimit.max: must be a positive whole number');
  if (!isPositiveInteger(windowMs)) {
    problems.push('recipientLimit.windowMs: must be a positive whole number of milliseconds');
  }
  if (store !== undefined && typeof (store as { hit?: unknown }).hit !== 'function') {
    problems.push('recipientLimit.store: must have a hit method');
  }
  if (secret !== undefined && (typeof secret !== 'string' || secret === '')) {
    problems.push('recipientLimit.secret: must be a non-empty string');
  }
  const sharedSecret = secret ?? options.idempotency?.secret;
  if (store !== undefined && sharedSecret === undefined) {
    problems.push(
      'recipientLimit.secret: required with a shared store (or set idempotency.secret), so the store holds HMAC digests, never guessable hashes of addresses',
    );
  }
  if (problems.length > 0) {
    throw new ConnectorError(
      'invalid_config',
      `Invalid ${provider} connector options:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      {
        provider,
        hint: 'Pass recipientLimit: { max, windowMs, store?, secret? }, e.g. { max: 10, windowMs: 600000 }.',
      },
    );
  }
  const counts = store ?? createMemoryRecipientThrottleStore();
  const key = sharedSecret ?? randomBytes(32);
  const maxSends = max as number;
  const window = windowMs as number;

  return {
    async check(recipient, base) {
      const digest = createHmac('sha256', key)
        .update(normalizeRecipient(recipient.address))
        .digest('hex');
      let hit: Awaited<ReturnType<RecipientThrottleStore['hit']>>;
      try {
        hit = await counts.hit(`rcpt:${digest}`, maxSends, window);
      } catch (error) {
        if (ConnectorError.isInstance(error)) throw error;
        throw new ConnectorError(
          'general',
          `The recipient throttle store failed: ${describeError(error)}`,
          {
            provider,
            retryable: true,
            cause: error,
            hint: 'Check that the recipient throttle store (e.g. Redis) is reachable, then retry the send.',
          },
        );
      }
      if (hit.allowed) return;
      emit({
        type: 'send:throttled',
        ...base,
        max: maxSends,
        windowMs: window,
        retryAfterMs: hit.retryAfterMs,
      });
      throw new ConnectorError(
        'rate_limit_exceeded',
        `Not sent: ${base.recipient} already got ${maxSends} emails within ${formatWait(window)} (recipientLimit); the next may go out in ${formatWait(hit.retryAfterMs)}.`,
        {
          provider,
          retryable: false,
          providerCode: 'RecipientLimitExceeded',
          hint: `Tell the user to wait ${formatWait(hit.retryAfterMs)} before asking for another email (e.g. a resend cooldown in the UI), or raise recipientLimit.max if this volume is legitimate.`,
        },
      );
    },
  };
}
