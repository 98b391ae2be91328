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

export interface InjectOptions {
  /** How many provider requests fail this way; default 1. */
  times?: number;
  /** For `latency`: how long each affected request is delayed. */
  latencyMs?: number;
}

/** A delivered email as a provider mock saw it, normalized across providers. */
export interface DeliveredEmail {
  messageId: string;
  /** The From address (no display name). */
  from: string;
  /** The From header as sent, with its display name when there was one. */
  fromHeader: string;
  to: string[];
  /** The Reply-To addresses (no display names); `[]` when the email has none. */
  replyTo: string[];
  subject: string;
  html?: string;
  text: string;
  headers: Record<string, string>;
  tags: Record<string, string>;
}

/** What a provider's mock exposes to the conformance suite. */
export interface ProviderMock {
  sent(): DeliveredEmail[];
  /** Requests that reached the provider, every attempt counted. */
  requestCount(): number;
  inject(fault: ProviderFaultKind, options?: InjectOptions): void;
  reset(): void;
}
