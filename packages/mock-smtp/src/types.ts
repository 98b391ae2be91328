import type { DeliveredEmail, ProviderMock } from '@org/connector-core/testing';
import type { CertificatePair } from './self-signed-certificate.js';

/** Where in the SMTP session a fault strikes. */
export type SmtpStage = 'CONNECT' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA';

/**
 * An SMTP-level fault:
 * - `reply`: answer the stage with this code and text (`451`, `4.7.1 Slow down`) instead of
 *   going on; a 421 also closes the connection, as real servers do;
 * - `drop`: destroy the connection at that stage, without a reply;
 * - `delay`: answer the stage `ms` late (a slow server; the client's socket timeout may fire).
 *
 * A fault belongs to the next delivery attempt that reaches its stage. An `AUTH` fault strikes
 * the next login, or the next MAIL FROM on a connection that logged in earlier (as when a
 * server revokes a session).
 */
export type SmtpFault =
  | { kind: 'reply'; stage: SmtpStage; code: number; message: string }
  | { kind: 'drop'; stage: SmtpStage }
  | { kind: 'delay'; stage: SmtpStage; ms: number };

export interface SmtpFaultOptions {
  /** How many delivery attempts the fault hits; default 1. */
  times?: number;
}

export interface SmtpMockOptions {
  /** Require AUTH (PLAIN or LOGIN) with these credentials; default: no AUTH offered. */
  auth?: { user: string; pass: string };
  /**
   * `starttls` (default): plain SMTP that offers STARTTLS; `implicit`: TLS from the first byte
   * (like port 465); `none`: no TLS at all (like a local relay).
   */
  tls?: 'starttls' | 'implicit' | 'none';
  /** The server certificate; default: a self-signed one made now (see `certificate`). */
  certificate?: CertificatePair;
  /** The header the connector writes tags into (its `tagHeader`); default `X-Tags`. */
  tagHeader?: string | false;
  /** The name in the greeting and EHLO reply; default `mock.smtp.test`. */
  name?: string;
  /** Largest message accepted, in bytes (advertised as SIZE); default 10 MiB. */
  size?: number;
}

/** A delivered message as the mock received it: the normalized view plus the SMTP details. */
export interface SmtpMockMessage extends DeliveredEmail {
  /** MAIL FROM and RCPT TO, domains in ASCII (punycode). */
  envelope: { from: string; to: string[] };
  /** The message as transmitted (headers and MIME body). */
  raw: string;
  /** The session was encrypted (STARTTLS or implicit TLS) when the message arrived. */
  secure: boolean;
  /** The user the session logged in as, when it did. */
  user?: string;
  /** The queue id the mock answered the message with (`250 … queued as <id>`). */
  queueId: string;
}

/**
 * A real SMTP server on 127.0.0.1 (a random port) for tests: it speaks SMTP to nodemailer
 * (STARTTLS, AUTH, pipelining), records what it receives and fails on demand. It implements the
 * provider-neutral `ProviderMock` of the conformance suite, and more.
 */
export interface SmtpMock extends ProviderMock {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The PEM certificate to trust (`tls: { ca: mock.certificate }`); undefined with `tls: 'none'`. */
  readonly certificate: string | undefined;
  /** Every delivered message with its SMTP details, oldest first. */
  messages(): SmtpMockMessage[];
  /** Queues an SMTP-level fault (see `SmtpFault`). */
  fault(fault: SmtpFault, options?: SmtpFaultOptions): void;
  /** TCP connections accepted since start or `reset()`. */
  connectionCount(): number;
  /** TCP connections open now (a pooled client keeps some open between sends). */
  openConnections(): number;
  /** Stops the server and drops its connections. Idempotent. */
  close(): Promise<void>;
}
