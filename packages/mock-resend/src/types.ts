import type { ProviderMock } from '@org/connector-core/testing';
import type { RequestHandler } from 'msw';
import type { ResendErrorName } from './errors.js';

export type ResendDomainStatus =
  | 'not_started'
  | 'pending'
  | 'verified'
  | 'failed'
  | 'temporary_failure';

export type ResendRegion = 'us-east-1' | 'eu-west-1' | 'sa-east-1' | 'ap-northeast-1';

export interface MockResendDomain {
  name: string;
  /** Default `verified`. Only verified domains may send. */
  status?: ResendDomainStatus;
  /** Default `us-east-1`. */
  region?: ResendRegion;
}

export interface MockResendOptions {
  /** The API base URL the msw handlers intercept. Default `https://api.resend.com`. */
  baseUrl?: string;
  /** Full-access API keys. Absent: any `re_…` key is accepted. */
  apiKeys?: string[];
  /** Sending-access keys: they send, and other endpoints answer `restricted_api_key`. */
  sendingKeys?: string[];
  /** The team's domains. Absent: every sender domain is accepted (and `GET /domains` is empty). */
  domains?: MockResendDomain[];
  /** Requests per second per key; answers carry `ratelimit-*` headers. Absent: unlimited. */
  rateLimit?: number;
  /** Emails per rolling 24 hours (`daily_quota_exceeded`). Absent: unlimited. */
  dailyQuota?: number;
  /** Clock in ms since epoch (rate window, quota, idempotency TTL). Default `Date.now`. */
  now?: () => number;
}

/** An accepted email, as the mock stored it. */
export interface ResendOutboxMessage {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  /** The `from` field as sent (may carry a display name). */
  from: string;
  /** The From address alone. */
  fromAddress: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html?: string;
  text?: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
  scheduledAt?: string;
  /** The `Idempotency-Key` it was sent with. */
  idempotencyKey?: string;
  /** `POST /emails` or `POST /emails/batch`. */
  operation: 'send' | 'batch';
}

export interface ResendRequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** The error `name` answered, when the request failed. */
  errorName?: string;
  /** The injected fault that produced the answer, when one did. */
  fault?: string;
  idempotencyKey?: string;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
}

/** What an injected fault makes the next send requests do. */
export type ResendFaultKind =
  | ResendErrorName
  /** `403 validation_error`: the From domain is not verified. */
  | 'domain_not_verified'
  /** A bare 503 from the edge, no JSON body. */
  | 'service_unavailable'
  /** The connection is reset before an answer. */
  | 'network_error'
  /** The answer comes `latencyMs` late (dropped if the client gave up meanwhile). */
  | 'latency';

export type ResendFault =
  | ResendFaultKind
  | { kind: ResendFaultKind; message?: string; latencyMs?: number; status?: number };

export interface MockResend {
  readonly baseUrl: string;
  /** msw handlers for `baseUrl` (msw is an optional peer, loaded on first use). */
  readonly handlers: RequestHandler[];
  /** The engine, fetch-style. Never throws: every outcome is a Response. */
  handle(request: Request): Promise<Response>;
  /** Accepted emails, oldest first. */
  outbox(): ResendOutboxMessage[];
  /** Every API request, oldest first (`/_mock` calls are not logged). */
  requests(): ResendRequestLogEntry[];
  /** The next `times` send requests (default 1) answer with this fault. */
  fault(fault: ResendFault, options?: { times?: number }): void;
  /** The provider-neutral view the conformance suite drives. */
  asProviderMock(): ProviderMock;
  /** Forgets outbox, requests, faults, idempotency keys, rate and quota counters. */
  reset(): void;
}

export interface MockResendServerOptions extends MockResendOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

export interface MockResendServer {
  /** e.g. `http://127.0.0.1:41234`: pass it as the connector's `baseUrl`. */
  readonly url: string;
  readonly mock: MockResend;
  close(): Promise<void>;
}
