import type { ConnectorErrorCode } from './connector-error.js';
import type { IdempotencyStore } from './idempotency-store.js';
import type { Mailbox } from './mailbox-type.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RecipientLimitOptions } from './recipient-limit-options.js';
import type { SendResult } from './send-result.js';
import type { SuppressionOptions } from './suppression-store.js';
import type { Template } from './template.js';
import type { UsageType } from './usage-types.js';

export type { Mailbox } from './mailbox-type.js';
export type { SendResult } from './send-result.js';

/** Template variables. `code` and `link` are the usual ones; any JSON-like value may follow. */
export interface SendPayload {
  code?: string;
  link?: string;
  /** BCP 47 tag used to pick a localized template (`zh-Hant-TW` → `zh-Hant` → `zh` → default). */
  locale?: string;
  [variable: string]: unknown;
}

export interface SendMessageInput {
  /** One recipient address, optionally with a display name. */
  to: string;
  type: UsageType;
  payload: SendPayload;
}

export interface SendOptions {
  /** Cancels the send; the promise rejects with an `aborted` ConnectorError. */
  signal?: AbortSignal;
  /**
   * Makes the send idempotent: another send with the same key within the TTL (default 10
   * minutes) returns the first result instead of sending again, and concurrent sends with one
   * key reach the provider once. A failed send releases the key. Reusing a key for a different
   * recipient, type or payload is `invalid_request_parameters`. See `ConnectorOptions.idempotency`.
   */
  idempotencyKey?: string;
}

/** What the pipeline hands a transport: fully rendered, validated and ready for the wire. */
export interface OutgoingEmail {
  from: Mailbox;
  to: Mailbox[];
  replyTo: Mailbox[];
  subject: string;
  /** Absent for `text/plain` templates. */
  html?: string;
  text: string;
  headers: Record<string, string>;
  tags: Record<string, string>;
  usageType: UsageType;
  /** The locale of the template that was selected, when it had one. */
  locale?: string;
}

export interface TransportContext {
  /** Fires when the caller aborts or the connector closes; transports pass it to their I/O. */
  signal: AbortSignal;
  /**
   * The caller's `SendOptions.idempotencyKey`, for a provider with its own deduplication (e.g.
   * Resend's `Idempotency-Key` header). The pipeline deduplicates by it already.
   */
  idempotencyKey?: string;
}

export interface TransportResult {
  messageId: string;
  requestId?: string;
  attempts?: number;
}

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckItem {
  name: string;
  status: CheckStatus;
  detail: string;
  hint?: string;
}

export interface CheckReport {
  /** False when any check failed; warnings do not fail the report. */
  ok: boolean;
  checks: CheckItem[];
}

export interface CheckOptions {
  signal?: AbortSignal;
}

/** The provider-specific part of a connector: everything after rendering. */
export interface EmailTransport {
  send(email: OutgoingEmail, context: TransportContext): Promise<TransportResult>;
  /** A preflight that sends nothing. */
  check?(options: CheckOptions): Promise<CheckReport>;
  close?(): void | Promise<void>;
}

export type ConfigFormItemType = 'text' | 'secret' | 'number' | 'boolean' | 'json' | 'select';

/** One field of a connector's setup form. */
export interface ConfigFormItem {
  key: string;
  label: string;
  type: ConfigFormItemType;
  required: boolean;
  /** Secret fields are redacted everywhere and rendered as password inputs. */
  secret?: boolean;
  description?: string;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
}

/** What a connector supports; the conformance suite skips what a connector declares it lacks. */
export interface ConnectorCapabilities {
  /** `check()` is implemented. */
  check: boolean;
  /** Tags reach the provider. */
  tags: boolean;
  /** Reply-To reaches the provider. */
  replyTo: boolean;
  /** Retryable provider errors are retried within the send. */
  retries: boolean;
  /** A per-attempt request timeout is enforced (`timeout` errors). */
  requestTimeout: boolean;
  /**
   * The provider reports delivery feedback (bounces, complaints, deliveries) as `DeliveryEvent`s
   * through a receiver of its own (e.g. `@org/connector-aws-ses/feedback`). Absent means no.
   */
  feedback?: boolean;
}

export interface ConnectorMetadata {
  /** Stable id, e.g. `aws-ses-email`. */
  id: string;
  /** Provider id used in results and errors, e.g. `aws-ses`. */
  provider: string;
  name: string;
  description: string;
  capabilities: ConnectorCapabilities;
  formItems: readonly ConfigFormItem[];
}

interface ConnectorEventBase {
  provider: string;
  usageType: UsageType;
  /** Masked: `j***@example.com`. */
  recipient: string;
}

export type ConnectorEvent =
  | (ConnectorEventBase & { type: 'send:start' })
  | (ConnectorEventBase & {
      type: 'send:success';
      durationMs: number;
      attempts: number;
      messageId: string;
      requestId?: string;
    })
  | (ConnectorEventBase & {
      /** `recipientLimit` refused the send (it then fails with `rate_limit_exceeded`). */
      type: 'send:throttled';
      max: number;
      windowMs: number;
      /** When the recipient may be sent to again. */
      retryAfterMs: number;
    })
  | (ConnectorEventBase & {
      /**
       * The suppression store failed and `suppression.onStoreError` is `send`: this send goes
       * out without the check. `message` is the store's error (never the recipient's address).
       */
      type: 'send:suppression-unchecked';
      message: string;
    })
  | (ConnectorEventBase & {
      type: 'send:error';
      durationMs: number;
      attempts?: number;
      errorCode: ConnectorErrorCode;
      retryable: boolean;
    });

/** How `SendOptions.idempotencyKey` is kept. */
export interface IdempotencyOptions {
  /**
   * Where keys live. Default: a fresh `createMemoryIdempotencyStore()` per connector, which
   * deduplicates within one process; pass a shared store (Redis, SQL) for several processes.
   */
  store?: IdempotencyStore;
  /** How long a successful send's result is replayed for a repeated key. Default 600 000 (10 min). */
  ttlMs?: number;
  /**
   * How long a send in flight holds its key (a lease). Other callers wait for it; if its
   * process dies, the key frees itself after this. Keep it above the longest a send can take
   * (all attempts and backoff). Default 60 000.
   */
  claimTtlMs?: number;
  /**
   * HMAC key for the digests written to the store. Set it when the store is shared: a plain
   * SHA-256 of a message with a six-digit code can be reversed by whoever can read the store
   * and knows the rest of the message. Every process sharing the store needs the same secret.
   */
  secret?: string;
}

export interface ConnectorOptions {
  /** Observability hook. Never receives a code, a rendered body or a secret. */
  onEvent?: (event: ConnectorEvent) => void;
  /** Storage and timing of idempotency keys (`SendOptions.idempotencyKey`). */
  idempotency?: IdempotencyOptions;
  /**
   * Refuse sends to suppressed recipients (hard bounces, complaints) with a
   * `RecipientSuppressedError` before the provider is called. Off when absent.
   */
  suppression?: SuppressionOptions;
  /**
   * Where a provider that paces (e.g. SES to its MaxSendRate) counts its sends. Default: a
   * memory limiter per connector; pass one shared limiter (e.g. Redis) to keep a whole fleet
   * within the account's rate.
   */
  rateLimiter?: RateLimiter;
  /**
   * At most `max` sends to one recipient per `windowMs` (e.g. 10 per 10 minutes); more fail with
   * a non-retryable `rate_limit_exceeded`. Off by default.
   */
  recipientLimit?: RecipientLimitOptions;
}

export interface EmailConnector {
  readonly metadata: ConnectorMetadata;
  sendMessage(input: SendMessageInput, options?: SendOptions): Promise<SendResult>;
  /** Sends the Generic template with a random six-digit code: the "Send test email" button. */
  testSend(to: string, options?: SendOptions): Promise<SendResult>;
  /** Present when the provider supports a preflight; sends nothing. */
  check?(options?: CheckOptions): Promise<CheckReport>;
  /** Idempotent. Sends after close fail with a clear error. */
  close(): Promise<void>;
  readonly closed: boolean;
}

/** Every connector config carries its template set. */
export interface BaseConnectorConfig {
  templates: Template[];
}
