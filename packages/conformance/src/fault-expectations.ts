import type { ConnectorErrorCode } from '@org/connector-core';
import type { ProviderFaultKind } from '@org/connector-core/testing';

export interface FaultExpectation {
  code: ConnectorErrorCode;
  retryable: boolean;
  /** What the provider does, for the docs and failure messages. */
  meaning: string;
}

/**
 * The documented outcome of each provider-neutral fault: a provider's error mapping must turn
 * its own errors for these situations into these codes. (`latency` is not an error by itself;
 * the abort and timeout tests use it.)
 */
export const faultExpectations: Readonly<
  Record<Exclude<ProviderFaultKind, 'latency'>, FaultExpectation>
> = Object.freeze({
  throttle: {
    code: 'rate_limit_exceeded',
    retryable: true,
    meaning: 'the provider throttles the sender (too many requests per second)',
  },
  quota_exhausted: {
    code: 'usage_limit_exceeded',
    retryable: false,
    meaning: 'the daily quota is spent, or sending is paused',
  },
  rejected_identity: {
    code: 'message_rejected',
    retryable: false,
    meaning: 'the provider refuses the message: the sender identity is not verified',
  },
  auth_failure: {
    code: 'authorization_failed',
    retryable: false,
    meaning: 'the credentials are wrong or lack permission',
  },
  unavailable: {
    code: 'provider_unavailable',
    retryable: true,
    meaning: 'the provider is temporarily unavailable (an HTTP 5xx, an SMTP 421 or 4xx)',
  },
  network_error: {
    code: 'provider_unavailable',
    retryable: true,
    meaning: 'the connection fails (reset, refused, DNS)',
  },
});

export const errorFaultKinds = Object.keys(faultExpectations) as Exclude<
  ProviderFaultKind,
  'latency'
>[];
