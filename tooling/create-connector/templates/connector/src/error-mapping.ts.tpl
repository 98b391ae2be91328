import { type BaseErrorContext, createErrorMapper, fieldOf, textOf } from '@org/connector-core/provider';
import { __CAMEL__Provider } from './metadata.js';

export type __PASCAL__ErrorContext = BaseErrorContext;

/** What the table reads off a __TITLE__ error, once. TODO: add what its errors carry. */
interface __PASCAL__Facts {
  message: string;
  status: number | undefined;
}

/**
 * Turns whatever the __TITLE__ call threw into a typed `ConnectorError`, keeping it as `cause`.
 *
 * TODO: add a row per provider error, most specific first, as the conformance suite expects
 * (`faultExpectations` in @org/connector-conformance):
 *   throttled → rate_limit_exceeded · quota spent / sending paused → usage_limit_exceeded
 *   unverified sender or recipient → message_rejected (with a hint saying which)
 *   bad credentials / permissions → authorization_failed · 5xx or connection failure → provider_unavailable
 *   request timeout → timeout
 * `networkFailureOf(error)` from @org/connector-core/provider classifies errnos (dns, refused, …).
 */
export const map__PASCAL__Error = createErrorMapper<__PASCAL__Facts, __PASCAL__ErrorContext>({
  provider: __CAMEL__Provider,
  facts: (error) => {
    const status = fieldOf(error, 'status');
    return {
      message: textOf(fieldOf(error, 'message')) ?? String(error),
      status: typeof status === 'number' ? status : undefined,
    };
  },
  rules: [],
  fallback: {
    code: 'general',
    message: (facts) =>
      `The __TITLE__ call failed with an error src/error-mapping.ts does not map yet: ${facts.message}`,
  },
  abortedMessage: () => 'The __TITLE__ call was aborted.',
});
