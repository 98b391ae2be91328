import {
  type CheckingTransport,
  type CheckOptions,
  type CheckReport,
  ConnectorError,
  type OutgoingEmail,
  retryWithBackoff,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core/provider';
import nodemailer from 'nodemailer';
import { portOf, type SmtpConfig } from './config-schema.js';
import { connectionOptionsOf } from './connection-options.js';
import { mapSmtpError, type SmtpErrorContext } from './error-mapping.js';
import { newMessageId, toMailOptions } from './mail-options.js';
import { runPreflight } from './preflight.js';
import { queueIdOf } from './smtp-reply.js';

export interface SmtpTransportContext {
  provider: string;
  /** For tests: the jitter source of the retry backoff (default `Math.random`). */
  random?: () => number;
}

/**
 * The SMTP transport: one pooled nodemailer transporter for the connector's lifetime, closed by
 * `close()`. nodemailer does not retry, so retryable failures (4xx replies, dropped connections,
 * timeouts) are retried here, up to `maxAttempts`, with exponential backoff and jitter.
 */
export function createSmtpTransport(
  config: SmtpConfig,
  { provider, random }: SmtpTransportContext,
): CheckingTransport {
  const transporter = nodemailer.createTransport({
    ...connectionOptionsOf(config),
    pool: true,
    ...(config.auth === undefined
      ? {}
      : { auth: { user: config.auth.user, pass: config.auth.pass } }),
    maxConnections: config.pool.maxConnections,
    maxMessages: config.pool.maxMessages,
    ...(config.pool.rateLimit === undefined
      ? {}
      : { rateLimit: config.pool.rateLimit, rateDelta: 1_000 }),
    // The pool would otherwise resend a message whose connection dropped, up to five times,
    // unseen: the retries below are the only ones, so they are counted and bounded.
    maxRequeues: 0,
  });
  // Each send gets its own failure; an 'error' event (a dropped idle connection, for one) must
  // not become an uncaught exception in the host process.
  transporter.on('error', () => {});
  const errorContext: SmtpErrorContext = {
    provider,
    host: config.host,
    port: portOf(config),
    secure: config.secure,
    authConfigured: config.auth !== undefined,
    connectionTimeoutMs: config.connectionTimeoutMs,
    greetingTimeoutMs: config.greetingTimeoutMs,
    socketTimeoutMs: config.socketTimeoutMs,
  };

  return {
    async send(email: OutgoingEmail, { signal }: TransportContext): Promise<TransportResult> {
      const mail = toMailOptions(email, {
        tagHeader: config.tagHeader,
        messageId: newMessageId(email.from),
      });
      return retryWithBackoff(
        async (attempt) => {
          try {
            // The signal takes a queued message out of the pool, or closes the connection
            // delivering it: an aborted send starts nothing new.
            const info = await transporter.sendMail({ ...mail, signal });
            const requestId = queueIdOf(info.response);
            return {
              // A server that rewrites Message-ID (Amazon SES, Microsoft 365) names its own.
              messageId: info.serverMessageId ?? info.messageId,
              ...(requestId === undefined ? {} : { requestId }),
              attempts: attempt,
            };
          } catch (error) {
            throw mapSmtpError(error, { ...errorContext, signal, attempts: attempt });
          }
        },
        {
          maxAttempts: config.maxAttempts,
          signal,
          ...(random === undefined ? {} : { random }),
          abortedError: (lastError, attempts) =>
            new ConnectorError('aborted', 'The send was aborted between SMTP attempts.', {
              provider,
              attempts,
              cause: lastError,
            }),
        },
      );
    },

    check({ signal }: CheckOptions): Promise<CheckReport> {
      return runPreflight(config, {
        provider,
        signal: signal ?? new AbortController().signal,
      });
    },

    close() {
      transporter.close();
    },
  };
}
