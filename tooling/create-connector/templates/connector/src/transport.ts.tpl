import {
  ConnectorError,
  createJsonHttpClient,
  type EmailTransport,
  type OutgoingEmail,
  retryWithBackoff,
  sleep,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core/provider';
import type { __PASCAL__Config } from './config-schema.js';
import { type __PASCAL__ErrorContext, map__PASCAL__Error } from './error-mapping.js';
import { __PASCAL__ApiError } from './__NAME__-api-error.js';
import { __CAMEL__EmailBody, __CAMEL__MessageIdOf, __CAMEL__SendPath } from './__NAME__-request.js';
import { check__PASCAL__ } from './preflight.js';

export interface __PASCAL__TransportContext {
  provider: string;
}

/** A `retry-after` longer than this ends the send instead of holding it. */
const maxRetryAfterMs = 5_000;

/**
 * One send call through one keep-alive HTTPS client per connector (`createJsonHttpClient`:
 * per-request timeout, the send's `AbortSignal`, msw intercepts it). Retryable failures are
 * retried with backoff, waiting out a `retry-after`; `close()` releases the sockets.
 *
 * TODO: __TITLE__'s auth header. If __TITLE__ deduplicates by key, send
 * `TransportContext.idempotencyKey` (or one drawn per send) on every attempt, as
 * @org/connector-resend does with `Idempotency-Key`; otherwise say in the README that a retry
 * after a timeout may deliver twice.
 */
export function create__PASCAL__Transport(
  config: __PASCAL__Config,
  { provider }: __PASCAL__TransportContext,
): EmailTransport {
  const http = createJsonHttpClient({
    baseUrl: config.baseUrl,
    timeoutMs: config.requestTimeoutMs,
    headers: { authorization: `Bearer ${config.apiKey}`, 'user-agent': '__PACKAGE__' },
  });

  return {
    async send(email: OutgoingEmail, { signal }: TransportContext): Promise<TransportResult> {
      const body = __CAMEL__EmailBody(email);
      const context = (attempts: number): __PASCAL__ErrorContext => ({
        provider,
        signal,
        attempts,
        sender: email.from.address,
      });
      let retryAfterMs = 0;
      const attempt = async (n: number): Promise<TransportResult> => {
        try {
          if (retryAfterMs > 0) await sleep(retryAfterMs, signal);
          retryAfterMs = 0;
          const response = await http.request({ method: 'POST', path: __CAMEL__SendPath, body, signal });
          const messageId = __CAMEL__MessageIdOf(response);
          if (messageId !== undefined) return { messageId, attempts: n };
          const apiError = new __PASCAL__ApiError(response);
          retryAfterMs = (apiError.retryAfterSeconds ?? 0) * 1000;
          throw apiError;
        } catch (error) {
          throw map__PASCAL__Error(error, context(n));
        }
      };
      return retryWithBackoff(attempt, {
        maxAttempts: config.maxAttempts,
        signal,
        maxMs: 2_000,
        shouldRetry: (error) =>
          ConnectorError.isInstance(error) && error.retryable && retryAfterMs <= maxRetryAfterMs,
        abortedError: (_last, n) => map__PASCAL__Error(new Error('aborted during backoff'), context(n)),
      });
    },
    check: (options) =>
      check__PASCAL__(http, config, {
        provider,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    close() {
      http.close();
    },
  };
}
