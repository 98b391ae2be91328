import {
  type BaseErrorContext,
  createErrorMapper,
  type ErrorRule,
  type HttpFailureFacts,
  httpFailureFacts,
  httpFailureRules,
} from '@org/connector-core/provider';
import { ResendApiError } from './resend-api-error.js';

export interface ResendErrorContext extends BaseErrorContext {
  /** The From domain, for hints. */
  senderDomain?: string;
  /** Requests made for this send, retries included. */
  attempts?: number;
}

/** What the rules read off a failed Resend call, once. */
export interface ResendFacts extends HttpFailureFacts {
  /** HTTP status of an answer; undefined when there was none. */
  status?: number;
  /** Resend's error `name`, when the answer was Resend's JSON. */
  name?: string;
}

type Rule = ErrorRule<ResendFacts, ResendErrorContext>;

const named =
  (...names: string[]) =>
  (facts: ResendFacts) =>
    facts.name !== undefined && names.includes(facts.name);

const refused = (facts: ResendFacts) =>
  `Resend refused the request (${facts.name ?? `HTTP ${facts.status}`}): ${facts.message}`;

/**
 * Every error of Resend's reference (api-reference/errors), most specific first. Resend
 * answers `validation_error` for several situations: the message tells them apart.
 */
export const resendErrorRules: readonly Rule[] = [
  ...httpFailureRules<ResendFacts, ResendErrorContext>({
    name: 'Resend',
    timeoutHint:
      'Raise requestTimeoutMs, or retry later; the idempotency key keeps a retry from sending twice.',
  }),
  {
    when: named('rate_limit_exceeded'),
    code: 'rate_limit_exceeded',
    message: refused,
    hint: () =>
      'Resend allows a few requests per second per team (the ratelimit-limit header says how many): send more slowly, or ask Resend support for a higher limit.',
  },
  {
    when: named('daily_quota_exceeded'),
    code: 'usage_limit_exceeded',
    message: refused,
    hint: () =>
      'The daily email quota of the Resend plan is spent: wait until it resets, or upgrade the plan at resend.com/settings/billing.',
  },
  {
    when: named('monthly_quota_exceeded'),
    code: 'usage_limit_exceeded',
    message: refused,
    hint: () =>
      'The monthly email quota of the Resend plan is spent: upgrade the plan at resend.com/settings/billing.',
  },
  {
    when: named('missing_api_key'),
    code: 'authorization_failed',
    message: refused,
    hint: () => 'No API key reached Resend: set apiKey to a key from resend.com/api-keys.',
  },
  {
    when: (facts) =>
      named('invalid_api_key')(facts) ||
      (facts.name === 'validation_error' && /api key is invalid/i.test(facts.message)),
    code: 'authorization_failed',
    message: refused,
    hint: () =>
      'Resend does not know this API key (mistyped, deleted or from another team): create a new key at resend.com/api-keys and set apiKey.',
  },
  {
    when: named('restricted_api_key'),
    code: 'authorization_failed',
    message: refused,
    hint: () =>
      'This API key has sending access only; this call needs a key with full access (resend.com/api-keys).',
  },
  {
    when: (facts) =>
      facts.name === 'validation_error' && /domain is not verified/i.test(facts.message),
    code: 'message_rejected',
    message: refused,
    hint: (_, context) =>
      `The sender's domain${context.senderDomain ? ` ${context.senderDomain}` : ''} is not verified in Resend: add it at resend.com/domains, publish its DNS records and wait for "verified", or send from a verified domain.`,
  },
  {
    when: (facts) => facts.name === 'validation_error' && /testing emails/i.test(facts.message),
    code: 'message_rejected',
    message: refused,
    hint: () =>
      'Without a verified domain Resend only sends test emails to the account owner: verify a domain at resend.com/domains and send from it.',
  },
  {
    when: (facts) => facts.name === 'validation_error' && facts.status === 403,
    code: 'message_rejected',
    message: refused,
    hint: () => 'Resend refused the message; its message says why.',
  },
  {
    when: named('invalid_from_address'),
    code: 'message_rejected',
    message: refused,
    hint: () =>
      'Resend refused the From address: set emailAddress to "Name <noreply@your-verified-domain>" or a bare address.',
  },
  {
    when: named('security_error'),
    code: 'message_rejected',
    message: refused,
    hint: () =>
      'Resend flagged the request as a security issue (HTTP 451): check the content and links, and contact Resend support if it persists.',
  },
  {
    when: named('invalid_idempotent_request'),
    code: 'invalid_request_parameters',
    message: refused,
    hint: () =>
      'This idempotency key was used with a different email in the last 24 hours: use a new key for a new email.',
  },
  {
    when: named('concurrent_idempotent_requests'),
    code: 'general',
    message: refused,
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
    message: refused,
    hint: () => 'Resend refused a field of the request; its message names it.',
  },
  {
    when: named('not_found', 'method_not_allowed'),
    code: 'general',
    message: refused,
    hint: () =>
      'Resend does not know this endpoint: check baseUrl (default https://api.resend.com).',
  },
  {
    when: (facts) => facts.status === 429,
    code: 'rate_limit_exceeded',
    message: refused,
    hint: () => 'Resend throttled the request: send more slowly.',
  },
  {
    when: (facts) =>
      (facts.status ?? 0) >= 500 || named('application_error', 'internal_server_error')(facts),
    code: 'provider_unavailable',
    message: refused,
    hint: () => 'Resend failed on its side (status.resend.com); it is usually brief: retry later.',
  },
  {
    when: (facts) => facts.status === 401 || facts.status === 403,
    code: 'authorization_failed',
    message: refused,
    hint: () => 'Resend refused the API key: check apiKey.',
  },
];

function factsOf(error: unknown): ResendFacts {
  if (error instanceof ResendApiError) {
    return {
      status: error.status,
      ...(error.errorName === undefined ? {} : { name: error.errorName }),
      message: error.message,
    };
  }
  return httpFailureFacts(error);
}

/** Turns whatever a Resend call threw into a typed `ConnectorError`, keeping it as `cause`. */
export const mapResendError = createErrorMapper<ResendFacts, ResendErrorContext>({
  provider: 'resend',
  facts: factsOf,
  rules: resendErrorRules,
  fallback: {
    code: 'general',
    message: (facts) =>
      facts.status === undefined ? `The Resend call failed: ${facts.message}` : refused(facts),
    hint: () => 'Resend answered with an error this connector does not know; see the cause.',
  },
  abortedMessage: () => 'The Resend call was aborted.',
  details: (facts, _error, context) => ({
    ...(facts.status === undefined ? {} : { providerCode: facts.name ?? `HTTP ${facts.status}` }),
    ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
  }),
});
