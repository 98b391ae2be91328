import {
  ConnectorError,
  createJsonHttpClient,
  type EmailTransport,
  type OutgoingEmail,
  retryWithBackoff,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core/provider';
import type { PostmarkConfig } from './config-schema.js';
import { mapPostmarkError } from './error-mapping.js';
import { PostmarkApiError } from './postmark-api-error.js';
import { postmarkEmailBody } from './postmark-request.js';
import { checkPostmark } from './preflight.js';

export interface PostmarkTransportContext {
  provider: string;
}

/**
 * `POST /email` through one keep-alive HTTPS client. Retryable failures are retried, a timed-out
 * attempt too: the timeout bounds each attempt. Postmark has no idempotency key, so a timeout
 * after Postmark accepted the email can deliver it twice; for a verification code a second
 * copy of the same code beats none (set `maxAttempts: 1` to never retry).
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
      const attempt = async (n: number): Promise<TransportResult> => {
        try {
          const response = await http.request({ method: 'POST', path: '/email', body, signal });
          const answer = response.json as { MessageID?: unknown; ErrorCode?: unknown } | undefined;
          if (
            response.status === 200 &&
            answer?.ErrorCode === 0 &&
            typeof answer.MessageID === 'string'
          ) {
            return { messageId: answer.MessageID, attempts: n };
          }
          throw new PostmarkApiError(response);
        } catch (error) {
          throw mapPostmarkError(error, { ...errorContext, attempts: n });
        }
      };
      return retryWithBackoff(attempt, {
        maxAttempts: config.maxAttempts,
        signal,
        maxMs: 2_000,
        shouldRetry: (error) => ConnectorError.isInstance(error) && error.retryable,
        abortedError: (_last, n) =>
          mapPostmarkError(new Error('aborted during backoff'), { ...errorContext, attempts: n }),
      });
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
