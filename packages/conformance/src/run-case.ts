import type { ConnectorOptions, EmailConnector } from '@org/connector-core';
import type { CaseContext, ConformanceCase } from './conformance-case.js';
import type { ConformanceOptions } from './types.js';

/** Thrown by `skip()` outside vitest; `runConformanceCase` turns it into `'skipped'`. */
class CaseSkipped extends Error {
  constructor(readonly reason: string) {
    super(`skipped: ${reason}`);
    this.name = 'CaseSkipped';
  }
}

export type CaseOutcome = { status: 'passed' } | { status: 'skipped'; reason: string };

export interface RunCaseOptions {
  /**
   * How to skip. Inside a vitest test pass the test context's `skip`, so the report shows
   * the test as skipped with its reason; by default the run resolves `{ status: 'skipped' }`.
   */
  skip?: (reason: string) => never;
}

/**
 * Runs one conformance case against a fresh harness from `options.setup()`, outside or
 * inside a vitest test. Resolves when every assertion held; rejects with the first failed
 * assertion. Every connector the case created is closed, then the harness torn down.
 */
export async function runConformanceCase(
  conformanceCase: ConformanceCase,
  options: Pick<ConformanceOptions, 'setup'>,
  runOptions: RunCaseOptions = {},
): Promise<CaseOutcome> {
  const harness = await options.setup();
  const created: EmailConnector[] = [];
  let primary: Promise<EmailConnector> | undefined;
  const create = async (
    overrides?: Record<string, unknown>,
    connectorOptions?: ConnectorOptions,
  ): Promise<EmailConnector> => {
    const connector = await harness.createConnector(overrides, connectorOptions);
    created.push(connector);
    return connector;
  };
  const skip = (reason: string): never => {
    if (runOptions.skip) runOptions.skip(reason);
    throw new CaseSkipped(reason);
  };
  const context: CaseContext = {
    harness,
    mock: harness.mock,
    connector: () => {
      primary ??= create();
      return primary;
    },
    create,
    skip,
  };
  try {
    if (conformanceCase.requires) {
      const capability = conformanceCase.requires;
      const connector = await context.connector();
      if (connector.metadata.capabilities[capability] !== true) {
        skip(
          `${connector.metadata.provider} does not declare the "${capability}" capability (metadata.capabilities.${capability} is false)`,
        );
      }
    }
    await conformanceCase.run(context);
    return { status: 'passed' };
  } catch (error) {
    if (error instanceof CaseSkipped) return { status: 'skipped', reason: error.reason };
    throw error;
  } finally {
    // Closing is part of some cases' assertions; here it only frees resources.
    await Promise.allSettled(created.map((connector) => connector.close()));
    await harness.teardown?.();
  }
}
