import { randomUUID } from 'node:crypto';
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
import type { ResendConfig } from './config-schema.js';
import { mapResendError, type ResendErrorContext } from './error-mapping.js';
import { checkResend } from './preflight.js';
import { ResendApiError } from './resend-api-error.js';
import { resendEmailBody, resendIdempotencyKey } from './resend-request.js';

export interface ResendTransportContext {
  provider: string;
}

/** A `retry-after` longer than this ends the send instead of holding it. */
const maxRetryAfterMs = 5_000;

/**
 * `POST /emails` through one keep-alive HTTPS client. Every attempt of a send carries the same
 * `Idempotency-Key` (the caller's, or one drawn per send), so Resend delivers a retried send at
 * most once, even after a timeout; a `retry-after` is waited out before the next attempt.
 */
export function createResendTransport(
  config: ResendConfig,
  { provider }: ResendTransportContext,
): EmailTransport {
  const http = createJsonHttpClient({
    baseUrl: config.baseUrl,
    timeoutMs: config.requestTimeoutMs,
    headers: { authorization: `Bearer ${config.apiKey}`, 'user-agent': '@org/connector-resend' },
  });

  return {
    async send(
      email: OutgoingEmail,
      { signal, idempotencyKey }: TransportContext,
    ): Promise<TransportResult> {
      const key = resendIdempotencyKey(idempotencyKey ?? `send/${randomUUID()}`);
      const body = resendEmailBody(email);
      const senderDomain = email.from.address.split('@').pop();
      const context = (attempts: number): ResendErrorContext => ({
        provider,
        signal,
        attempts,
        ...(senderDomain === undefined ? {} : { senderDomain }),
      });
      // A retry after a timeout may find the first request still running at Resend
      // (concurrent_idempotent_requests): the timeout is then what the caller should hear.
      let earlier: unknown;
      let retryAfterMs = 0;
      const attempt = async (n: number): Promise<TransportResult> => {
        try {
          if (retryAfterMs > 0) await sleep(retryAfterMs, signal);
          const response = await http.request({
            method: 'POST',
            path: '/emails',
            body,
            headers: { 'idempotency-key': key },
            signal,
          });
          const id = (response.json as { id?: unknown } | undefined)?.id;
          if (response.status >= 200 && response.status < 300 && typeof id === 'string') {
            return { messageId: id, attempts: n };
          }
          const apiError = new ResendApiError(response);
          retryAfterMs = (apiError.retryAfterSeconds ?? 0) * 1000;
          throw apiError;
        } catch (error) {
          const mapped = mapResendError(error, context(n));
          if (mapped.providerCode === 'concurrent_idempotent_requests' && earlier !== undefined) {
            throw mapResendError(earlier, context(n));
          }
          earlier = error;
          throw mapped;
        }
      };
      return retryWithBackoff(attempt, {
        maxAttempts: config.maxAttempts,
        signal,
        maxMs: 2_000,
        shouldRetry: (error) =>
          ConnectorError.isInstance(error) && error.retryable && retryAfterMs <= maxRetryAfterMs,
        abortedError: (_last, n) => mapResendError(new Error('aborted during backoff'), context(n)),
      });
    },
    check: (options) =>
      checkResend(http, config, {
        provider,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    close() {
      http.close();
    },
  };
}
