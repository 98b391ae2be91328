import type { RequestHandler } from 'msw';
import type { SuppressionList, SuppressionListReason } from './engine/suppression-list.js';
import type { MockFeedback, MockSns, MockSnsOptions } from './sns/types.js';

/** SES v2 exception names the mock can raise (exact names the SDK maps to classes). */
export const sesExceptionNames = [
  'BadRequestException',
  'TooManyRequestsException',
  'LimitExceededException',
  'AccountSuspendedException',
  'SendingPausedException',
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'NotFoundException',
  'AlreadyExistsException',
  'ConflictException',
  'InternalServiceErrorException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'MissingAuthenticationTokenException',
  'AccessDeniedException',
  'ExpiredTokenException',
] as const;

export type SesExceptionName = (typeof sesExceptionNames)[number];

export interface MockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it as `x-amz-security-token`. */
  sessionToken?: string;
}

export interface MockSesOptions {
  /** Region this mock answers for (error texts, GetAccount). Default `us-east-1`. */
  region?: string;
  /** Extra base URLs the msw handlers match besides `https://email.*.amazonaws.com`. */
  endpoints?: string[];
  /** Verified identities (addresses or domains). Absent: every sender is accepted. */
  identities?: string[];
  /** Sandbox: recipients must be verified identities too. */
  sandbox?: boolean;
  /** Recipients per second (SES counts each recipient). Absent: unlimited. */
  maxSendRate?: number;
  /** Recipients per rolling 24 hours. Absent: unlimited. */
  max24HourSend?: number;
  /** `false` answers SendingPausedException. Default `true`. */
  sendingEnabled?: boolean;
  /** When given, every request's SigV4 signature is verified against these keys. */
  credentials?: MockCredentials | MockCredentials[];
  /** Seed for the probability fault mode and generated ids. */
  seed?: number;
  /** Clock for quotas and timestamps (ms since epoch). Default `Date.now`. */
  now?: () => number;
  /** Stored email templates present from the start (and after `reset()`). */
  templates?: MockTemplate[];
  /** Configuration sets present from the start (and after `reset()`). */
  configurationSets?: string[];
  /** `SHUTDOWN` answers AccountSuspendedException. Default `HEALTHY`. */
  enforcementStatus?: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
  /** SNS delivery of event notifications: public URL, signature version, fetch. */
  sns?: MockSnsOptions;
  /** The account-level suppression list at the start (and after `reset()`). */
  suppressedDestinations?: { emailAddress: string; reason: SuppressionListReason }[];
  /** Reasons SES suppresses addresses for by itself (`SuppressedReasons`). Default both. */
  suppressedReasons?: SuppressionListReason[];
}

/** A stored SES email template (`CreateEmailTemplate`). */
export interface MockTemplate {
  name: string;
  subject: string;
  html?: string;
  text?: string;
}

export interface OutboxAttachment {
  filename?: string;
  contentType: string;
  /** Decoded size in bytes. */
  size: number;
  /** Base64 content. */
  content: string;
  contentId?: string;
  disposition?: string;
}

/** An accepted message, normalized from whichever content kind it was sent as. */
export interface OutboxMessage {
  messageId: string;
  requestId: string;
  /** ISO 8601. */
  timestamp: string;
  region: string;
  operation: 'SendEmail' | 'SendBulkEmail';
  contentKind: 'Simple' | 'Raw' | 'Template';
  /** The From as sent (may carry a display name). */
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
  headers: { name: string; value: string }[];
  tags: Record<string, string>;
  configurationSetName?: string;
  feedbackForwardingEmailAddress?: string;
  fromEmailAddressIdentityArn?: string;
  feedbackForwardingEmailAddressIdentityArn?: string;
  templateName?: string;
  templateData?: string;
  attachments: OutboxAttachment[];
  listManagementOptions?: { contactListName: string; topicName?: string };
  /** The MIME source, for Raw sends. */
  raw?: string;
}

export interface OutboxFilter {
  /** Matches any of To, Cc, Bcc (case-insensitive address). */
  to?: string;
  /** ISO time or ms since epoch: messages at or after it. */
  since?: string | number;
}

export interface Outbox {
  all(): OutboxMessage[];
  find(filter: OutboxFilter): OutboxMessage[];
  get(messageId: string): OutboxMessage | undefined;
  /** RFC 5322 rendering a mail client opens. */
  toEml(messageId: string): string | undefined;
  last(): OutboxMessage | undefined;
  readonly size: number;
  clear(): void;
  /** Drops one message (LocalStack's `DELETE /_aws/ses?id=`); false when there was none. */
  remove(messageId: string): boolean;
  /** Called for every accepted message; returns an unsubscribe function. */
  subscribe(listener: (message: OutboxMessage) => void): () => void;
}

export interface RequestLogEntry {
  /** The request id the mock answered with. */
  requestId: string;
  time: string;
  method: string;
  path: string;
  /** SES operation name, e.g. `SendEmail`; `Unknown` for an unknown route. (`/_mock` calls are not logged.) */
  operation: string;
  /** `amz-sdk-invocation-id`: the same for every attempt of one SDK call. */
  invocationId?: string;
  /** From `amz-sdk-request: attempt=N; max=M`. */
  attempt?: number;
  maxAttempts?: number;
  accessKeyId?: string;
  status: number;
  /** The exception name answered, when the request failed. */
  errorType?: string;
  /** The injected fault that produced the answer, when one did. */
  fault?: string;
  /** The parsed JSON request body, when there was one. */
  body?: unknown;
}

export interface RequestLog {
  all(): RequestLogEntry[];
  /** Only SES operations (not `/_mock` or `/_aws` calls), optionally one operation. */
  operations(name?: string): RequestLogEntry[];
  readonly size: number;
  clear(): void;
}

/** Built-in fault kinds besides the SES exception names. */
export type FaultKind =
  | SesExceptionName
  | 'internal_error'
  | 'service_unavailable'
  | 'network_error'
  | 'latency';

export type Fault =
  | FaultKind
  | { kind: FaultKind; message?: string; latencyMs?: number }
  /** Latency combined with another fault, or a custom error. */
  | { kind: 'custom'; status: number; type?: string; message?: string; latencyMs?: number };

export interface FaultRequestInfo {
  operation: string;
  method: string;
  path: string;
  /** The parsed JSON body, when there was one. */
  body: unknown;
  attempt?: number;
}

export interface FaultController {
  /** The next `times` SES requests (default 1) answer with this fault. */
  next(fault: Fault, options?: { times?: number; operation?: string | string[] }): void;
  /** Every request matching the predicate answers with this fault until cleared. */
  when(predicate: (request: FaultRequestInfo) => boolean, fault: Fault): () => void;
  /** Each request fails with probability `rate`, picking among `faults`, deterministic for a seed. */
  random(options: { rate: number; faults: Fault[]; seed?: number }): void;
  /** Every request is delayed by this many ms (0 to stop). */
  latency(ms: number): void;
  clear(): void;
  /** Faults still pending, for display. */
  pending(): { fault: Fault; remaining: number | 'always' | 'random' }[];
}

export interface IdentityStore {
  /** Adds a verified identity (address or domain). */
  verify(identity: string): void;
  remove(identity: string): void;
  list(): string[];
  /** True when the address, or its domain, is verified (or when no identity list is configured). */
  isVerified(address: string): boolean;
}

export interface AccountSettings {
  sandbox: boolean;
  sendingEnabled: boolean;
  maxSendRate?: number;
  max24HourSend?: number;
  enforcementStatus: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
}

export interface MockSes {
  readonly region: string;
  /** msw handlers for `https://email.*.amazonaws.com` and `options.endpoints`. */
  readonly handlers: RequestHandler[];
  /** The engine, fetch-style. Never throws: every outcome is a Response. */
  handle(request: Request): Promise<Response>;
  readonly outbox: Outbox;
  readonly requests: RequestLog;
  readonly faults: FaultController;
  readonly identities: IdentityStore;
  readonly account: AccountSettings;
  /** SNS: HTTP(S) subscriptions that receive signed event notifications. */
  readonly sns: MockSns;
  /** The account-level suppression list (PutSuppressedDestination and friends). */
  readonly suppressionList: SuppressionList;
  /** What SES reported about each message (Send, Delivery, Bounce, Complaint). */
  readonly feedback: MockFeedback;
  /** Back to the options it was created with: outbox, requests, faults, templates and identities. */
  reset(): void;
}

export interface MockSesServerOptions extends MockSesOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

export interface MockSesServer {
  /** e.g. `http://127.0.0.1:41234`: pass it as the SDK's `endpoint`. */
  readonly url: string;
  readonly mock: MockSes;
  close(): Promise<void>;
}
