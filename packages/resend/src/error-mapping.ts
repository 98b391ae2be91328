import { ConnectorError, type ConnectorErrorCode, HttpTimeoutError } from '@org/connector-core';
import { ResendApiError } from './resend-api-error.js';

export interface ResendErrorContext {
  provider: string;
  /** The From domain, for hints. */
  senderDomain?: string;
  /** Fired: whatever failed, the send was aborted. */
  signal?: AbortSignal;
  /** Requests made for this send, retries included. */
  attempts?: number;
}

interface Facts {
  status: number;
  name: string | undefined;
  message: string;
}

interface Rule {
  when(facts: Facts): boolean;
  code: ConnectorErrorCode;
  retryable?: boolean;
  hint(facts: Facts, context: ResendErrorContext): string;
}

const named =
  (...names: string[]) =>
  (facts: Facts) =>
    facts.name !== undefined && names.includes(facts.name);

/**
 * Every error of Resend's reference (api-reference/errors), most specific first. Resend
 * answers `validation_error` for several situations: the message tells them apart.
 */
export const resendErrorRules: readonly Rule[] = [
  {
    when: named('rate_limit_exceeded'),
    code: 'rate_limit_exceeded',
    hint: () =>
      'Resend allows a few requests per second per team (the ratelimit-limit header says how many): send more slowly, or ask Resend support for a higher limit.',
  },
  {
    when: named('daily_quota_exceeded'),
    code: 'usage_limit_exceeded',
    hint: () =>
      'The daily email quota of the Resend plan is spent: wait until it resets, or upgrade the plan at resend.com/settings/billing.',
  },
  {
    when: named('monthly_quota_exceeded'),
    code: 'usage_limit_exceeded',
    hint: () =>
      'The monthly email quota of the Resend plan is spent: upgrade the plan at resend.com/settings/billing.',
  },
  {
    when: named('missing_api_key'),
    code: 'authorization_failed',
    hint: () => 'No API key reached Resend: set apiKey to a key from resend.com/api-keys.',
  },
  {
    when: (facts) =>
      named('invalid_api_key')(facts) ||
      (facts.name === 'validation_error' && /api key is invalid/i.test(facts.message)),
    code: 'authorization_failed',
    hint: () =>
      'Resend does not know this API key (mistyped, deleted or from another team): create a new key at resend.com/api-keys and set apiKey.',
  },
  {
    when: named('restricted_api_key'),
    code: 'authorization_failed',
    hint: () =>
      'This API key has sending access only; this call needs a key with full access (resend.com/api-keys).',
  },
  {
    when: (facts) =>
      facts.name === 'validation_error' && /domain is not verified/i.test(facts.message),
    code: 'message_rejected',
    hint: (_, context) =>
      `The sender's domain${context.senderDomain ? ` ${context.senderDomain}` : ''} is not verified in Resend: add it at resend.com/domains, publish its DNS records and wait for "verified", or send from a verified domain.`,
  },
  {
    when: (facts) => facts.name === 'validation_error' && /testing emails/i.test(facts.message),
    code: 'message_rejected',
    hint: () =>
      'Without a verified domain Resend only sends test emails to the account owner: verify a domain at resend.com/domains and send from it.',
  },
  {
    when: (facts) => facts.name === 'validation_error' && facts.status === 403,
    code: 'message_rejected',
    hint: () => 'Resend refused the message; its message says why.',
  },
  {
    when: named('invalid_from_address'),
    code: 'message_rejected',
    hint: () =>
      'Resend refused the From address: set emailAddress to "Name <noreply@your-verified-domain>" or a bare address.',
  },
  {
    when: named('security_error'),
    code: 'message_rejected',
    hint: () =>
      'Resend flagged the request as a security issue (HTTP 451): check the content and links, and contact Resend support if it persists.',
  },
  {
    when: named('invalid_idempotent_request'),
    code: 'invalid_request_parameters',
    hint: () =>
      'This idempotency key was used with a different email in the last 24 hours: use a new key for a new email.',
  },
  {
    when: named('concurrent_idempotent_requests'),
    code: 'general',
    retryable: true,
    hint: () =>
      'Another request with the same idempotency key is still in progress at Resend: retry shortly to get its result.',
  },
  {
    when: named(
      'validation_error',
      'missing_required_field',
      'invalid_parameter',
      'invalid_attachment',
      'invalid_idempotency_key',
      'invalid_access',
      'invalid_region',
    ),
    code: 'invalid_request_parameters',
    hint: () => 'Resend refused a field of the request; its message names it.',
  },
  {
    when: named('not_found', 'method_not_allowed'),
    code: 'general',
    hint: () =>
      'Resend does not know this endpoint: check baseUrl (default https://api.resend.com).',
  },
  {
    when: (facts) => facts.status === 429,
    code: 'rate_limit_exceeded',
    hint: () => 'Resend throttled the request: send more slowly.',
  },
  {
    when: (facts) =>
      facts.status >= 500 || named('application_error', 'internal_server_error')(facts),
    code: 'provider_unavailable',
    hint: () => 'Resend failed on its side (status.resend.com); it is usually brief: retry later.',
  },
  {
    when: (facts) => facts.status === 401 || facts.status === 403,
    code: 'authorization_failed',
    hint: () => 'Resend refused the API key: check apiKey.',
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

/** Turns whatever a Resend call threw into a typed `ConnectorError`, keeping it as `cause`. */
export function mapResendError(error: unknown, context: ResendErrorContext): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  const provider = context.provider;
  const attempts = context.attempts === undefined ? {} : { attempts: context.attempts };
  if (context.signal?.aborted) {
    return new ConnectorError('aborted', 'The Resend call was aborted.', {
      provider,
      ...attempts,
      cause: error,
    });
  }
  if (error instanceof HttpTimeoutError) {
    return new ConnectorError('timeout', `Resend did not answer within ${error.timeoutMs} ms.`, {
      provider,
      ...attempts,
      hint: 'Raise requestTimeoutMs, or retry later; the idempotency key keeps a retry from sending twice.',
      cause: error,
    });
  }
  if (error instanceof ResendApiError) {
    const facts: Facts = { status: error.status, name: error.errorName, message: error.message };
    const rule = resendErrorRules.find((row) => row.when(facts));
    const label = error.errorName ?? `HTTP ${error.status}`;
    return new ConnectorError(
      rule?.code ?? 'general',
      `Resend refused the request (${label}): ${error.message}`,
      {
        provider,
        ...(rule?.retryable === undefined ? {} : { retryable: rule.retryable }),
        hint:
          rule?.hint(facts, context) ??
          'Resend answered with an error this connector does not know; see the cause.',
        providerCode: label,
        ...attempts,
        cause: error,
      },
    );
  }
  const code = networkCode(error);
  if (code !== undefined) {
    return new ConnectorError('provider_unavailable', `Could not reach Resend (${code}).`, {
      provider,
      ...attempts,
      hint: 'The connection to the Resend API failed; it is usually transient. Check the network and baseUrl if it persists.',
      cause: error,
    });
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ConnectorError('general', `The Resend call failed: ${text.slice(0, 300)}`, {
    provider,
    ...attempts,
    cause: error,
  });
}
