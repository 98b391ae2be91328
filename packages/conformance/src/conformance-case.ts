import type { ConnectorCapabilities, ConnectorOptions, EmailConnector } from '@org/connector-core';
import type { ProviderMock } from '@org/connector-core/testing';
import type { ConformanceGroupName, ConformanceHarness } from './types.js';

/** What a case body gets: the harness plus connectors that are closed after the case. */
export interface CaseContext {
  readonly harness: ConformanceHarness;
  readonly mock: ProviderMock;
  /** The connector built from `validConfig`, created on first use. */
  connector(): Promise<EmailConnector>;
  /** A further connector from `validConfig` + `overrides`, closed after the case. */
  create(overrides?: Record<string, unknown>, options?: ConnectorOptions): Promise<EmailConnector>;
  /** Ends the case as skipped (not failed), with the reason shown in the report. */
  skip(reason: string): never;
}

/** One conformance test: a name, the capability it needs, and its assertions. */
export interface ConformanceCase {
  readonly group: ConformanceGroupName;
  readonly name: string;
  /** Skipped, with a reason, when the connector's metadata does not declare this capability. */
  readonly requires?: keyof ConnectorCapabilities;
  /** The contract rule the case proves, as a failure states it; default: the group's rule. */
  readonly rule?: string;
  /** Where a provider author looks when the case fails; default: the group's pointer. */
  readonly lookAt?: string;
  run(context: CaseContext): Promise<void>;
}

export function defineCases(
  group: ConformanceGroupName,
  cases: readonly Omit<ConformanceCase, 'group'>[],
): readonly ConformanceCase[] {
  return Object.freeze(cases.map((c) => Object.freeze({ ...c, group })));
}
