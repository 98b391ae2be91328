import type { ProviderMock } from '@org/connector-core/testing';
import type { RequestHandler } from 'msw';

export interface Mock__PASCAL__Options {
  /** The API base URL the msw handlers intercept. Default `https://api.__NAME__.example`. */
  baseUrl?: string;
  /** The API keys the mock accepts. Absent: any non-empty key. */
  apiKeys?: string[];
  /** Clock in ms since epoch. Default `Date.now`. TODO: rate windows, quotas, key expiry. */
  now?: () => number;
}

/** An accepted email, as the mock stored it. */
export interface __PASCAL__OutboxMessage {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  /** The From mailbox as sent (may carry a display name). */
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
  /** Custom headers, in the order sent. */
  headers: Record<string, string>;
  tags: Record<string, string>;
}

export interface __PASCAL__RequestLogEntry {
  method: string;
  path: string;
  /** 0 for a reset connection. */
  status: number;
  /** The error name answered, when the request failed. */
  errorName?: string;
  /** The injected fault that produced the answer, when one did. */
  fault?: string;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
}

/** What an injected fault makes the next send requests do. */
export type __PASCAL__Fault =
  /** __TITLE__'s error answer (src/errors.ts) with this status and error name. */
  | { kind: 'error'; status: number; name: string; message?: string; headers?: Record<string, string> }
  /** A bare answer from the edge (a proxy's page), not __TITLE__'s JSON. */
  | { kind: 'edge'; status: number }
  /** The connection is reset before an answer. */
  | { kind: 'network_error' }
  /** The answer comes `latencyMs` late (dropped if the client gave up meanwhile). */
  | { kind: 'latency'; latencyMs?: number };

export interface Mock__PASCAL__ {
  readonly baseUrl: string;
  /** msw handlers for `baseUrl` (msw is an optional peer, loaded on first use). */
  readonly handlers: RequestHandler[];
  /** The engine, fetch-style. Never throws: every outcome is a Response. */
  handle(request: Request): Promise<Response>;
  /** Accepted emails, oldest first. */
  outbox(): __PASCAL__OutboxMessage[];
  /** Every API request, oldest first (`/_mock` calls are not logged). */
  requests(): __PASCAL__RequestLogEntry[];
  /** The next `times` send requests (default 1) answer with this fault. */
  fault(fault: __PASCAL__Fault, options?: { times?: number }): void;
  /** The provider-neutral view the conformance suite drives. */
  asProviderMock(): ProviderMock;
  /** Forgets outbox, requests and faults. */
  reset(): void;
}

export interface Mock__PASCAL__ServerOptions extends Mock__PASCAL__Options {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

export interface Mock__PASCAL__Server {
  /** e.g. `http://127.0.0.1:41234`: pass it as the connector's `baseUrl`. */
  readonly url: string;
  readonly mock: Mock__PASCAL__;
  close(): Promise<void>;
}
