import type { ProviderMock } from '@org/connector-core/testing';
import type { RequestHandler } from 'msw';

export interface MockSenderSignature {
  /** A single confirmed address… */
  email?: string;
  /** …or a whole domain (DKIM/Return-Path verified). */
  domain?: string;
  /** Default true. An unconfirmed signature answers ErrorCode 401. */
  confirmed?: boolean;
  name?: string;
}

export type MessageStreamType = 'Transactional' | 'Broadcasts' | 'Inbound';

export interface MockMessageStream {
  id: string;
  name?: string;
  type: MessageStreamType;
}

export interface MockPostmarkOptions {
  /** The API base URL the msw handlers intercept. Default `https://api.postmarkapp.com`. */
  baseUrl?: string;
  /** Accepted `X-Postmark-Server-Token`s. Absent: any non-empty token. */
  serverTokens?: string[];
  /** Accepted `X-Postmark-Account-Token`s (for `/senders`). Absent: any non-empty token. */
  accountTokens?: string[];
  /** Sender signatures. Absent: every From is accepted. */
  senderSignatures?: MockSenderSignature[];
  /** Default: `outbound` (Transactional), `broadcast` (Broadcasts), `inbound` (Inbound). */
  messageStreams?: MockMessageStream[];
  /** Addresses that bounced or complained: sends to them answer ErrorCode 406. */
  inactiveRecipients?: string[];
  /** A pending account sends only to the From address's domain (ErrorCode 412). */
  accountPending?: boolean;
  /** What `GET /server` reports. Default `{ name: 'Mock Server', deliveryType: 'Live' }`. */
  server?: { name?: string; deliveryType?: 'Live' | 'Sandbox' };
  /** Requests per second per token (HTTP 429). Absent: unlimited. */
  rateLimit?: number;
  /** Clock in ms since epoch. Default `Date.now`. */
  now?: () => number;
}

/** An accepted email, as the mock stored it. */
export interface PostmarkOutboxMessage {
  messageId: string;
  /** ISO 8601. */
  submittedAt: string;
  /** The From field as sent (may carry a display name). */
  from: string;
  fromAddress: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html?: string;
  text?: string;
  headers: { name: string; value: string }[];
  tag?: string;
  metadata: Record<string, string>;
  messageStream: string;
  trackOpens?: boolean;
  trackLinks?: string;
  operation: 'email' | 'batch';
}

export interface PostmarkRequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** The ErrorCode answered, when not 0. */
  errorCode?: number;
  /** The injected fault that produced the answer, when one did. */
  fault?: string;
  body?: unknown;
}

export type PostmarkFaultKind =
  /** HTTP 429. */
  | 'rate_limit'
  /** ErrorCode 10, HTTP 401. */
  | 'invalid_token'
  /** ErrorCode 400. */
  | 'sender_not_found'
  /** ErrorCode 401. */
  | 'sender_not_confirmed'
  /** ErrorCode 405. */
  | 'not_allowed_to_send'
  /** ErrorCode 406. */
  | 'inactive_recipient'
  /** ErrorCode 412. */
  | 'account_pending'
  /** ErrorCode 413. */
  | 'account_may_not_send'
  /** ErrorCode 100, HTTP 503. */
  | 'maintenance'
  /** HTTP 500 with a plain-text body. */
  | 'internal_error'
  /** The connection is reset before an answer. */
  | 'network_error'
  /** The answer comes `latencyMs` late (dropped if the client gave up meanwhile). */
  | 'latency';

export type PostmarkFault =
  | PostmarkFaultKind
  /** `status`: for `internal_error`, the HTTP status of the plain-text answer (default 500). */
  | { kind: PostmarkFaultKind; message?: string; latencyMs?: number; status?: number }
  /** Any ErrorCode, e.g. `{ kind: 'api_error', errorCode: 300, message: 'Zero recipients specified' }`. */
  | { kind: 'api_error'; errorCode: number; status?: number; message?: string };

export interface MockPostmark {
  readonly baseUrl: string;
  /** msw handlers for `baseUrl` (msw is an optional peer, loaded on first use). */
  readonly handlers: RequestHandler[];
  /** The engine, fetch-style. Never throws: every outcome is a Response. */
  handle(request: Request): Promise<Response>;
  /** Accepted emails, oldest first. */
  outbox(): PostmarkOutboxMessage[];
  /** Every API request, oldest first. */
  requests(): PostmarkRequestLogEntry[];
  /** The next `times` send requests (default 1) answer with this fault. */
  fault(fault: PostmarkFault, options?: { times?: number }): void;
  /** The provider-neutral view the conformance suite drives. */
  asProviderMock(): ProviderMock;
  /** Forgets outbox, requests, faults and rate counters. */
  reset(): void;
}

export interface MockPostmarkServerOptions extends MockPostmarkOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

export interface MockPostmarkServer {
  /** e.g. `http://127.0.0.1:41234`: pass it as the connector's `baseUrl`. */
  readonly url: string;
  readonly mock: MockPostmark;
  close(): Promise<void>;
}
