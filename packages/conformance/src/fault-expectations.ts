import {
  type ProviderErrorFaultKind,
  type ProviderFaultOutcome,
  providerFaultOutcomes,
} from '@org/connector-core/testing';

export type FaultExpectation = ProviderFaultOutcome;

/**
 * The documented outcome of each provider-neutral fault: a provider's error mapping must turn
 * every wire form of its own errors for these situations into these codes. The same table
 * (`providerFaultOutcomes` of `@org/connector-core/testing`) drives the memory connector.
 * (`latency` is not an error by itself; the abort and timeout tests use it.)
 */
export const faultExpectations: Readonly<Record<ProviderErrorFaultKind, FaultExpectation>> =
  providerFaultOutcomes;

export const errorFaultKinds = Object.keys(faultExpectations) as ProviderErrorFaultKind[];
