import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type ConnectorError,
  createJsonHttpClient,
  type EmailTransport,
  type OutgoingEmail,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core';
import { checkResend } from './check.js';
import type { ResendConfig } from './config-schema.js';
import { mapResendError } from './error-mapping.js';
import { ResendApiError } from './resend-api-error.js';
import { resendEmailBody, resendIdempotencyKey } from './resend-request.js';

export interface ResendTransportContext {
  provider: string;
}

/** A `retry-after` longer than this ends the send instead of holding it. */
const maxRetryAfterMs = 5_000;

function backoffMs(attempt: number): number {
  return Math.floor(Math.random() * Math.min(2_000, 200 * 2 ** (attempt - 1)));
}

/**
 * `POST /emails` through one keep-alive HTTPS client. Every attempt of a send carries the same
 * `Idempotency-Key` (the caller's, or one drawn per send), so Resend delivers a retried send at
 * most once, even after a timeout.
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
  const senderDomain = (email: OutgoingEmail) => email.from.address.split('@').pop();

  return {
    async send(email: OutgoingEmail, context: TransportContext): Promise<TransportResult> {
      const { signal } = context;
      const callerKey = (context as TransportContext & { idempotencyKey?: string }).idempotencyKey;
      const idempotencyKey = resendIdempotencyKey(callerKey ?? `send/${randomUUID()}`);
      const body = resendEmailBody(email);
      const errorContext = {
        provider,
        signal,
        ...(senderDomain(email) === undefined ? {} : { senderDomain: senderDomain(email) }),
      };
      // A retry after a timeout may find the first request still running at Resend
      // (concurrent_idempotent_requests): the timeout is then what the caller should hear.
      let earlier: unknown;
      for (let attempt = 1; ; attempt += 1) {
        let failure: ConnectorError;
        let retryAfterMs: number | undefined;
        try {
          const response = await http.request({
            method: 'POST',
            path: '/emails',
            body,
            headers: { 'idempotency-key': idempotencyKey },
            signal,
          });
          const id = (response.json as { id?: unknown } | undefined)?.id;
          if (response.status >= 200 && response.status < 300 && typeof id === 'string') {
            return { messageId: id, attempts: attempt };
          }
          const apiError = new ResendApiError(response);
          if (apiError.retryAfterSeconds !== undefined)
            retryAfterMs = apiError.retryAfterSeconds * 1000;
          throw apiError;
        } catch (error) {
          failure = mapResendError(error, { ...errorContext, attempts: attempt });
          if (failure.providerCode === 'concurrent_idempotent_requests' && earlier !== undefined) {
            failure = mapResendError(earlier, { ...errorContext, attempts: attempt });
          } else {
            earlier = error;
          }
        }
        const wait = retryAfterMs ?? backoffMs(attempt);
        if (
          !failure.retryable ||
          attempt >= config.maxAttempts ||
          signal.aborted ||
          wait > maxRetryAfterMs
        ) {
          throw failure;
        }
        try {
          await delay(wait, undefined, { signal });
        } catch {
          throw mapResendError(new Error('aborted during backoff'), {
            ...errorContext,
            attempts: attempt,
          });
        }
      }
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
