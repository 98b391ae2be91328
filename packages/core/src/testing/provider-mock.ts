import type { ConnectorErrorCode } from '../connector-error.js';

/** Provider-neutral faults every provider mock can inject (see `@org/connector-conformance`). */
export const providerFaultKinds = [
  'throttle',
  'quota_exhausted',
  'rejected_identity',
  'auth_failure',
  'unavailable',
  'network_error',
  'latency',
] as const;

export type ProviderFaultKind = (typeof providerFaultKinds)[number];

/** The faults that end a request in an error (`latency` only slows one down). */
export type ProviderErrorFaultKind = Exclude<ProviderFaultKind, 'latency'>;

export interface ProviderFaultOutcome {
  code: ConnectorErrorCode;
  retryable: boolean;
  /** What the provider does, for docs and failure messages. */
  meaning: string;
}

/**
 * The one table of what each provider-neutral fault must become: every wire form a provider
 * mock answers a fault with maps to this code. The memory connector raises exactly these, and
 * the conformance kit asserts them for every provider.
 */
export const providerFaultOutcomes: Readonly<Record<ProviderErrorFaultKind, ProviderFaultOutcome>> =
  Object.freeze({
    throttle: {
      code: 'rate_limit_exceeded',
      retryable: true,
      meaning: 'the provider throttles the sender (too many requests per second)',
    },
    quota_exhausted: {
      code: 'usage_limit_exceeded',
      retryable: false,
      meaning: 'the daily quota is spent, or sending is paused',
    },
    rejected_identity: {
      code: 'message_rejected',
      retryable: false,
      meaning: 'the provider refuses the message: the sender identity is not verified',
    },
    auth_failure: {
      code: 'authorization_failed',
      retryable: false,
      meaning: 'the credentials are wrong or lack permission',
    },
    unavailable: {
      code: 'provider_unavailable',
      retryable: true,
      meaning: 'the provider is temporarily unavailable (an HTTP 5xx, an SMTP 421 or 4xx)',
    },
    network_error: {
      code: 'provider_unavailable',
      retryable: true,
      meaning: 'the connection fails (reset, refused, DNS)',
    },
  });

export interface InjectOptions {
  /** How many provider requests fail this way; default 1. */
  times?: number;
  /** For `latency`: how long each affected request is delayed. */
  latencyMs?: number;
  /**
   * Which wire form of the fault to answer with: one of `faultVariants(fault)`. Default the
   * first. Every form must map to the fault's outcome in `providerFaultOutcomes`.
   */
  variant?: string;
}

/** One header field as the provider received it. */
export interface RawHeader {
  name: string;
  value: string;
}

/** A delivered email as a provider mock saw it, normalized across providers. */
export interface DeliveredEmail {
  messageId: string;
  /** The From address (no display name). */
  from: string;
  /** The From header as sent, with its display name when there was one. */
  fromHeader: string;
  /** The To addresses (no display names), exactly as sent: case and `+tag` kept. */
  to: string[];
  /** The Cc addresses; `[]` when none. */
  cc: string[];
  /** The Bcc addresses; `[]` when none. */
  bcc: string[];
  /**
   * Every mailbox the provider was asked to deliver this message to: To, Cc and Bcc and, on
   * protocols with an envelope (SMTP `RCPT TO`), every envelope recipient. Bare addresses.
   */
  recipients: string[];
  /** The Reply-To addresses (no display names); `[]` when the email has none. */
  replyTo: string[];
  subject: string;
  html?: string;
  text: string;
  /** The custom headers the provider was asked to add (name → value). */
  headers: Record<string, string>;
  /**
   * Every header field of the request as the provider received it, in order: for SMTP the
   * message header; for an HTTP API the header fields it was given (custom headers at least).
   */
  rawHeaders: RawHeader[];
  tags: Record<string, string>;
}

/** What a provider's mock exposes to the conformance suite. */
export interface ProviderMock {
  sent(): DeliveredEmail[];
  /** Requests that reached the provider, every attempt counted. */
  requestCount(): number;
  inject(fault: ProviderFaultKind, options?: InjectOptions): void;
  /**
   * The wire forms the mock can answer `fault` with (e.g. HTTP 500, 502, 503 and 504 for
   * `unavailable`); at least one per fault. `inject(fault, { variant })` picks one.
   */
  faultVariants(fault: ProviderErrorFaultKind): readonly string[];
  /** The most provider requests in flight at the same time since `reset()`. */
  peakInFlight(): number;
  /**
   * Requests the client gave up on (hung up, aborted) before the mock answered, since
   * `reset()`. A mock never delivers a request whose client hung up.
   */
  hangUps(): number;
  reset(): void;
}
