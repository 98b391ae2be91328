import { ConnectorError } from '@org/connector-core';

export interface ResendErrorContext {
  provider: string;
}

/**
 * Turns whatever the Resend call threw into a typed `ConnectorError`, keeping it as `cause`.
 *
 * TODO: recognise the provider's errors and map each to its code, as the conformance suite
 * expects (`faultExpectations` in @org/connector-conformance):
 *   throttled → rate_limit_exceeded · quota spent / sending paused → usage_limit_exceeded
 *   unverified sender or recipient → message_rejected (with a hint saying which)
 *   bad credentials / permissions → authorization_failed · 5xx or connection failure → provider_unavailable
 *   request timeout → timeout
 */
export function mapResendError(error: unknown, { provider }: ResendErrorContext): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  return new ConnectorError(
    'general',
    'The Resend call failed with an error src/error-mapping.ts does not map yet.',
    { provider, cause: error },
  );
}
