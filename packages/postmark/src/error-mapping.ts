import {
  type BaseErrorContext,
  createErrorMapper,
  type ErrorRule,
  type HttpFailureFacts,
  httpFailureFacts,
  httpFailureRules,
} from '@org/connector-core/provider';
import { PostmarkApiError } from './postmark-api-error.js';

export interface PostmarkErrorContext extends BaseErrorContext {
  /** The From address and the message stream, for hints. */
  sender?: string;
  messageStream?: string;
  /** Requests made for this send, retries included. */
  attempts?: number;
}

/** What the rules read off a failed Postmark call, once. */
export interface PostmarkFacts extends HttpFailureFacts {
  /** HTTP status of an answer; undefined when there was none. */
  status?: number;
  /** Postmark's ErrorCode, when the answer was Postmark's JSON. */
  errorCode?: number;
}

type Rule = ErrorRule<PostmarkFacts, PostmarkErrorContext>;

const errorCode =
  (...codes: number[]) =>
  (facts: PostmarkFacts) =>
    facts.errorCode !== undefined && codes.includes(facts.errorCode);

const labelOf = (facts: PostmarkFacts) =>
  facts.errorCode === undefined ? `HTTP ${facts.status}` : `ErrorCode ${facts.errorCode}`;

const refused = (facts: PostmarkFacts) =>
  `Postmark refused the request (${labelOf(facts)}): ${facts.message}`;

/**
 * Postmark's API error codes (developer/api/overview#error-codes) and HTTP statuses, most
 * specific first. Request errors come as HTTP 422 with an ErrorCode; a bad token as 401.
 */
export const postmarkErrorRules: readonly Rule[] = [
  ...httpFailureRules<PostmarkFacts, PostmarkErrorContext>({
    name: 'Postmark',
    timeoutHint:
      'Raise requestTimeoutMs, or retry later. Postmark has no idempotency key: the email may have been sent.',
  }),
  {
    when: (facts) =>
      errorCode(10)(facts) || (facts.status === 401 && facts.errorCode === undefined),
    code: 'authorization_failed',
    message: refused,
    hint: () =>
      'Postmark refused the token: set serverToken to the Server API token of your server (Servers → your server → API Tokens), not the Account token.',
  },
  {
    when: (facts) => facts.status === 429,
    code: 'rate_limit_exceeded',
    message: refused,
    hint: () => 'Postmark throttled the server: send more slowly, or retry later.',
  },
  {
    when: errorCode(100),
    code: 'provider_unavailable',
    message: refused,
    hint: () => 'The Postmark API is down for maintenance (status.postmarkapp.com): retry later.',
  },
  {
    when: errorCode(400),
    code: 'message_rejected',
    message: refused,
    hint: (_, context) =>
      `${context.sender ?? 'The From address'} is not a sender signature of this Postmark account: add and confirm it (or verify its domain) under Sender Signatures.`,
  },
  {
    when: errorCode(401),
    code: 'message_rejected',
    message: refused,
    hint: (_, context) =>
      `The sender signature of ${context.sender ?? 'the From address'} is not confirmed yet: click the link in Postmark's confirmation email, or verify the domain's DKIM and Return-Path.`,
  },
  {
    when: errorCode(405),
    code: 'usage_limit_exceeded',
    message: refused,
    hint: () =>
      'The Postmark account has run out of credits: buy more or turn on overages in Billing.',
  },
  {
    when: errorCode(406),
    code: 'message_rejected',
    message: refused,
    hint: () =>
      'Postmark marked the recipient inactive (a hard bounce, a spam complaint or a manual suppression): reactivate it under the stream’s Suppressions, or use another address.',
  },
  {
    when: errorCode(412),
    code: 'message_rejected',
    message: refused,
    hint: () =>
      'The Postmark account is pending approval: until then it sends only to addresses at the From address’s domain. Request approval in Postmark.',
  },
  {
    when: errorCode(413),
    code: 'usage_limit_exceeded',
    message: refused,
    hint: () =>
      'Postmark does not allow this account to send (under review or suspended): contact Postmark support.',
  },
  {
    when: (facts) =>
      errorCode(1235)(facts) || (facts.errorCode === 300 && /MessageStream/i.test(facts.message)),
    code: 'message_rejected',
    message: refused,
    hint: (_, context) =>
      `The message stream "${context.messageStream ?? 'outbound'}" does not exist on this server or cannot send: set messageStream to a transactional stream ID of the server.`,
  },
  {
    when: errorCode(300, 410, 411),
    code: 'invalid_request_parameters',
    message: refused,
    hint: () => 'Postmark refused a field of the email; its message names it.',
  },
  {
    when: errorCode(402, 403, 409),
    code: 'general',
    message: refused,
    hint: () =>
      'Postmark could not read the request as its JSON: this is a bug in the connector, please report it.',
  },
  {
    when: (facts) => facts.status === 413,
    code: 'invalid_request_parameters',
    message: refused,
    hint: () => 'The email is larger than Postmark accepts (10 MB): shorten the template.',
  },
  {
    when: (facts) => facts.status === 404,
    code: 'general',
    message: refused,
    hint: () =>
      'Postmark does not know this endpoint: check baseUrl (default https://api.postmarkapp.com).',
  },
  {
    when: (facts) => (facts.status ?? 0) >= 500,
    code: 'provider_unavailable',
    message: refused,
    hint: () =>
      'Postmark failed on its side (status.postmarkapp.com); it is usually brief: retry later.',
  },
];

function factsOf(error: unknown): PostmarkFacts {
  if (error instanceof PostmarkApiError) {
    return {
      status: error.status,
      ...(error.errorCode === undefined ? {} : { errorCode: error.errorCode }),
      message: error.message,
    };
  }
  return httpFailureFacts(error);
}

/** Turns whatever a Postmark call threw into a typed `ConnectorError`, keeping it as `cause`. */
export const mapPostmarkError = createErrorMapper<PostmarkFacts, PostmarkErrorContext>({
  provider: 'postmark',
  facts: factsOf,
  rules: postmarkErrorRules,
  fallback: {
    code: 'general',
    message: (facts) =>
      facts.status === undefined ? `The Postmark call failed: ${facts.message}` : refused(facts),
    hint: () => 'Postmark answered with an error this connector does not know; see the cause.',
  },
  abortedMessage: () => 'The Postmark call was aborted.',
  details: (facts, _error, context) => ({
    ...(facts.status === undefined ? {} : { providerCode: labelOf(facts) }),
    ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
  }),
});
