import { ConnectorError, type ConnectorErrorCode, HttpTimeoutError } from '@org/connector-core';
import { PostmarkApiError } from './postmark-api-error.js';

export interface PostmarkErrorContext {
  provider: string;
  /** The From address and the message stream, for hints. */
  sender?: string;
  messageStream?: string;
  signal?: AbortSignal;
  /** Requests made for this send, retries included. */
  attempts?: number;
}

interface Facts {
  status: number;
  errorCode: number | undefined;
  message: string;
}

interface Rule {
  when(facts: Facts): boolean;
  code: ConnectorErrorCode;
  retryable?: boolean;
  hint(facts: Facts, context: PostmarkErrorContext): string;
}

const errorCode =
  (...codes: number[]) =>
  (facts: Facts) =>
    facts.errorCode !== undefined && codes.includes(facts.errorCode);

/**
 * Postmark's API error codes (developer/api/overview#error-codes) and HTTP statuses, most
 * specific first. Request errors come as HTTP 422 with an ErrorCode; a bad token as 401.
 */
export const postmarkErrorRules: readonly Rule[] = [
  {
    when: (facts) =>
      errorCode(10)(facts) || (facts.status === 401 && facts.errorCode === undefined),
    code: 'authorization_failed',
    hint: () =>
      'Postmark refused the token: set serverToken to the Server API token of your server (Servers → your server → API Tokens), not the Account token.',
  },
  {
    when: (facts) => facts.status === 429,
    code: 'rate_limit_exceeded',
    hint: () => 'Postmark throttled the server: send more slowly, or retry later.',
  },
  {
    when: errorCode(100),
    code: 'provider_unavailable',
    hint: () => 'The Postmark API is down for maintenance (status.postmarkapp.com): retry later.',
  },
  {
    when: errorCode(400),
    code: 'message_rejected',
    hint: (_, context) =>
      `${context.sender ?? 'The From address'} is not a sender signature of this Postmark account: add and confirm it (or verify its domain) under Sender Signatures.`,
  },
  {
    when: errorCode(401),
    code: 'message_rejected',
    hint: (_, context) =>
      `The sender signature of ${context.sender ?? 'the From address'} is not confirmed yet: click the link in Postmark's confirmation email, or verify the domain's DKIM and Return-Path.`,
  },
  {
    when: errorCode(405),
    code: 'usage_limit_exceeded',
    hint: () =>
      'The Postmark account has run out of credits: buy more or turn on overages in Billing.',
  },
  {
    when: errorCode(406),
    code: 'message_rejected',
    hint: () =>
      'Postmark marked the recipient inactive (a hard bounce, a spam complaint or a manual suppression): reactivate it under the stream’s Suppressions, or use another address.',
  },
  {
    when: errorCode(412),
    code: 'message_rejected',
    hint: () =>
      'The Postmark account is pending approval: until then it sends only to addresses at the From address’s domain. Request approval in Postmark.',
  },
  {
    when: errorCode(413),
    code: 'usage_limit_exceeded',
    hint: () =>
      'Postmark does not allow this account to send (under review or suspended): contact Postmark support.',
  },
  {
    when: (facts) =>
      errorCode(1235)(facts) || (facts.errorCode === 300 && /MessageStream/i.test(facts.message)),
    code: 'message_rejected',
    hint: (_, context) =>
      `The message stream "${context.messageStream ?? 'outbound'}" does not exist on this server or cannot send: set messageStream to a transactional stream ID of the server.`,
  },
  {
    when: errorCode(300, 410, 411),
    code: 'invalid_request_parameters',
    hint: () => 'Postmark refused a field of the email; its message names it.',
  },
  {
    when: errorCode(402, 403, 409),
    code: 'general',
    hint: () =>
      'Postmark could not read the request as its JSON: this is a bug in the connector, please report it.',
  },
  {
    when: (facts) => facts.status === 413,
    code: 'invalid_request_parameters',
    hint: () => 'The email is larger than Postmark accepts (10 MB): shorten the template.',
  },
  {
    when: (facts) => facts.status === 404,
    code: 'general',
    hint: () =>
      'Postmark does not know this endpoint: check baseUrl (default https://api.postmarkapp.com).',
  },
  {
    when: (facts) => facts.status >= 500,
    code: 'provider_unavailable',
    hint: () =>
      'Postmark failed on its side (status.postmarkapp.com); it is usually brief: retry later.',
  },
];

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

/** Turns whatever a Postmark call threw into a typed `ConnectorError`, keeping it as `cause`. */
export function mapPostmarkError(error: unknown, context: PostmarkErrorContext): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  const provider = context.provider;
  const attempts = context.attempts === undefined ? {} : { attempts: context.attempts };
  if (context.signal?.aborted) {
    return new ConnectorError('aborted', 'The Postmark call was aborted.', {
      provider,
      ...attempts,
      cause: error,
    });
  }
  if (error instanceof HttpTimeoutError) {
    return new ConnectorError('timeout', `Postmark did not answer within ${error.timeoutMs} ms.`, {
      provider,
      ...attempts,
      hint: 'Raise requestTimeoutMs, or retry later. Postmark has no idempotency key: the email may have been sent.',
      cause: error,
    });
  }
  if (error instanceof PostmarkApiError) {
    const facts: Facts = {
      status: error.status,
      errorCode: error.errorCode,
      message: error.message,
    };
    const rule = postmarkErrorRules.find((row) => row.when(facts));
    const label =
      error.errorCode === undefined ? `HTTP ${error.status}` : `ErrorCode ${error.errorCode}`;
    return new ConnectorError(
      rule?.code ?? 'general',
      `Postmark refused the request (${label}): ${error.message}`,
      {
        provider,
        ...(rule?.retryable === undefined ? {} : { retryable: rule.retryable }),
        hint:
          rule?.hint(facts, context) ??
          'Postmark answered with an error this connector does not know; see the cause.',
        providerCode: label,
        ...attempts,
        cause: error,
      },
    );
  }
  const code = networkCode(error);
  if (code !== undefined) {
    return new ConnectorError('provider_unavailable', `Could not reach Postmark (${code}).`, {
      provider,
      ...attempts,
      hint: 'The connection to the Postmark API failed; it is usually transient. Check the network and baseUrl if it persists.',
      cause: error,
    });
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ConnectorError('general', `The Postmark call failed: ${text.slice(0, 300)}`, {
    provider,
    ...attempts,
    cause: error,
  });
}
