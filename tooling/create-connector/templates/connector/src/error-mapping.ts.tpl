import {
  type BaseErrorContext,
  createErrorMapper,
  type ErrorRule,
  type HttpFailureFacts,
  httpFailureFacts,
  httpFailureRules,
} from '@org/connector-core/provider';
import { __PASCAL__ApiError } from './__NAME__-api-error.js';
import { __CAMEL__Provider } from './metadata.js';

export interface __PASCAL__ErrorContext extends BaseErrorContext {
  /** The From address, for hints. */
  sender?: string;
  /** Requests made for this send, retries included. */
  attempts?: number;
}

/** What the rules read off a failed __TITLE__ call, once. */
export interface __PASCAL__Facts extends HttpFailureFacts {
  /** HTTP status of an answer; undefined when there was none. */
  status?: number;
  /** __TITLE__'s error name or code, when the answer was its JSON. */
  name?: string;
}

type Rule = ErrorRule<__PASCAL__Facts, __PASCAL__ErrorContext>;

const refused = (facts: __PASCAL__Facts) =>
  `__TITLE__ refused the request (${facts.name ?? `HTTP ${facts.status}`}): ${facts.message}`;

/**
 * The error table, most specific row first. The rows below hold for any HTTP API (timeouts,
 * failed connections, 429, 5xx, 401/403); the conformance suite expects more
 * (`faultExpectations` in @org/connector-conformance).
 *
 * TODO: before the generic rows, one row per error of __TITLE__'s reference (match
 * `facts.name`), each with a hint that says what to do:
 *   throttled → rate_limit_exceeded · quota spent / sending paused → usage_limit_exceeded
 *   unverified sender or recipient → message_rejected (the hint names `context.sender`)
 *   bad credentials / permissions → authorization_failed · bad field → invalid_request_parameters
 * and test each row in src/error-mapping.test.ts.
 */
export const __CAMEL__ErrorRules: readonly Rule[] = [
  ...httpFailureRules<__PASCAL__Facts, __PASCAL__ErrorContext>({
    name: '__TITLE__',
    timeoutHint: 'Raise requestTimeoutMs, or retry later.',
  }),
  {
    when: (facts) => facts.status === 429,
    code: 'rate_limit_exceeded',
    message: refused,
    hint: () => '__TITLE__ throttled the request: send more slowly.',
  },
  {
    when: (facts) => (facts.status ?? 0) >= 500,
    code: 'provider_unavailable',
    message: refused,
    hint: () => '__TITLE__ failed on its side; it is usually brief: retry later.',
  },
  {
    when: (facts) => facts.status === 401 || facts.status === 403,
    code: 'authorization_failed',
    message: refused,
    hint: () => '__TITLE__ refused the API key: check apiKey.',
  },
];

function factsOf(error: unknown): __PASCAL__Facts {
  if (error instanceof __PASCAL__ApiError) {
    return {
      status: error.status,
      ...(error.errorName === undefined ? {} : { name: error.errorName }),
      message: error.message,
    };
  }
  return httpFailureFacts(error);
}

/** Turns whatever a __TITLE__ call threw into a typed `ConnectorError`, keeping it as `cause`. */
export const map__PASCAL__Error = createErrorMapper<__PASCAL__Facts, __PASCAL__ErrorContext>({
  provider: __CAMEL__Provider,
  facts: factsOf,
  rules: __CAMEL__ErrorRules,
  fallback: {
    code: 'general',
    message: (facts) =>
      facts.status === undefined
        ? `The __TITLE__ call failed: ${facts.message}`
        : `${refused(facts)} (src/error-mapping.ts has no row for it yet)`,
    hint: () => '__TITLE__ answered with an error this connector does not know; see the cause.',
  },
  abortedMessage: () => 'The __TITLE__ call was aborted.',
  details: (facts, _error, context) => ({
    ...(facts.status === undefined ? {} : { providerCode: facts.name ?? `HTTP ${facts.status}` }),
    ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
  }),
});
