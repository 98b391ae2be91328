import { setTimeout as delay } from 'node:timers/promises';
import {
  type ConnectorError,
  createJsonHttpClient,
  type EmailTransport,
  type OutgoingEmail,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core';
import { checkPostmark } from './check.js';
import type { PostmarkConfig } from './config-schema.js';
import { mapPostmarkError } from './error-mapping.js';
import { PostmarkApiError } from './postmark-api-error.js';
import { postmarkEmailBody } from './postmark-request.js';

export interface PostmarkTransportContext {
  provider: string;
}

function backoffMs(attempt: number): number {
  return Math.floor(Math.random() * Math.min(2_000, 200 * 2 ** (attempt - 1)));
}

/**
 * `POST /email` through one keep-alive HTTPS client. Postmark has no idempotency key, so only
 * answers that prove nothing was sent (throttling, 5xx, a refused connection) are retried;
 * a timeout is not, as the email may have gone out.
 */
export function createPostmarkTransport(
  config: PostmarkConfig,
  { provider }: PostmarkTransportContext,
): EmailTransport {
  const http = createJsonHttpClient({
    baseUrl: config.baseUrl,
    timeoutMs: config.requestTimeoutMs,
    headers: {
      'x-postmark-server-token': config.serverToken,
      'user-agent': '@org/connector-postmark',
    },
  });

  return {
    async send(email: OutgoingEmail, { signal }: TransportContext): Promise<TransportResult> {
      const body = postmarkEmailBody(email, config);
      const errorContext = {
        provider,
        signal,
        sender: email.from.address,
        messageStream: config.messageStream,
      };
      for (let attempt = 1; ; attempt += 1) {
        let failure: ConnectorError;
        try {
          const response = await http.request({ method: 'POST', path: '/email', body, signal });
          const answer = response.json as { MessageID?: unknown; ErrorCode?: unknown } | undefined;
          if (
            response.status === 200 &&
            answer?.ErrorCode === 0 &&
            typeof answer.MessageID === 'string'
          ) {
            return { messageId: answer.MessageID, attempts: attempt };
          }
          throw new PostmarkApiError(response);
        } catch (error) {
          failure = mapPostmarkError(error, { ...errorContext, attempts: attempt });
        }
        if (
          !failure.retryable ||
          failure.code === 'timeout' ||
          attempt >= config.maxAttempts ||
          signal.aborted
        ) {
          throw failure;
        }
        try {
          await delay(backoffMs(attempt), undefined, { signal });
        } catch {
          throw mapPostmarkError(new Error('aborted during backoff'), {
            ...errorContext,
            attempts: attempt,
          });
        }
      }
    },
    check: (options) =>
      checkPostmark(http, config, {
        provider,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    close() {
      http.close();
    },
  };
}
