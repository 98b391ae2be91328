import { ConnectorError, type ConnectorOptions, type EmailConnector } from '@org/connector-core';
import { guideOf } from './case-guides.js';
import type { CaseContext, ConformanceCase } from './conformance-case.js';
import { findLeak, type Sensitive } from './leak-forms.js';
import { captureOutput } from './output-capture.js';
import { codeMark, codesSince } from './sample-data.js';
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

// Every connector any harness returned, to tell a factory that caches connectors.
const seenConnectors = new WeakSet<object>();

function isAssertion(error: unknown): error is Error {
  return error instanceof Error && error.name === 'AssertionError';
}

function withheld(text: string, sensitive: readonly Sensitive[]): string {
  const leak = findLeak(text, sensitive);
  return leak ? `[withheld: it contains ${leak.label}]` : text;
}

/** What a non-assertion failure was, in words a provider author can act on. */
function describeRaw(error: unknown, sensitive: readonly Sensitive[]): string {
  if (ConnectorError.isInstance(error)) {
    return `the connector failed with a ConnectorError (code ${error.code}, retryable ${error.retryable}) where the case expected success: ${withheld(error.message, sensitive)}`;
  }
  if (error instanceof Error) {
    return `a raw ${error.name} escaped the connector (every failure must be a ConnectorError with a code): ${withheld(error.message, sensitive)}`;
  }
  return `a non-Error value was thrown (every failure must be a ConnectorError): ${withheld(String(error), sensitive)}`;
}

/**
 * Runs one conformance case against a fresh harness from `options.setup()`, outside or
 * inside a vitest test. Resolves when every assertion held; rejects with the first failed
 * assertion, its message prefixed with the contract rule that broke and where to look. Every
 * connector the case created is closed, then the harness torn down. What the code prints
 * meanwhile (`console.*`, stdout, stderr) must show no secret and no code of the case.
 */
export async function runConformanceCase(
  conformanceCase: ConformanceCase,
  options: Pick<ConformanceOptions, 'setup'>,
  runOptions: RunCaseOptions = {},
): Promise<CaseOutcome> {
  const { rule, lookAt } = guideOf(conformanceCase);
  const prefix = `[${conformanceCase.group}] broke the rule "${rule}" (look at ${lookAt}):`;
  const mark = codeMark();
  const output = captureOutput();
  let sensitive: Sensitive[] = [];
  const created: EmailConnector[] = [];
  let outcome: CaseOutcome = { status: 'passed' };
  let failure: unknown;
  try {
    const harness = await options.setup();
    sensitive = harness.secrets.map((value, i) => ({ label: `secrets[${i}]`, value }));
    let primary: Promise<EmailConnector> | undefined;
    const create = async (
      overrides?: Record<string, unknown>,
      connectorOptions?: ConnectorOptions,
    ): Promise<EmailConnector> => {
      const connector = await harness.createConnector(overrides, connectorOptions);
      if (typeof connector === 'object' && connector !== null) {
        if (seenConnectors.has(connector)) {
          throw Object.assign(
            new Error(
              'harness.createConnector returned a connector it had returned before: the factory must build a new connector on every call, because a cached connector shares its client, credentials and close() with every caller',
            ),
            { name: 'AssertionError' },
          );
        }
        seenConnectors.add(connector);
      }
      created.push(connector);
      return connector;
    };
    const skip = (reason: string): never => {
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
    } finally {
      // Closing is part of some cases' assertions; here it only frees resources.
      await Promise.allSettled(created.map((connector) => connector.close()));
      await harness.teardown?.();
    }
  } catch (error) {
    if (error instanceof CaseSkipped) outcome = { status: 'skipped', reason: error.reason };
    else failure = error;
  } finally {
    output.stop();
  }
  if (failure === undefined) {
    const codes = codesSince(mark).map((value) => ({ label: 'a verification code', value }));
    for (const { where, text } of output.lines) {
      const leak = findLeak(text, [...sensitive, ...codes]);
      if (leak) {
        failure = new Error(
          `${where} printed ${leak.label} during the case; a connector must never log a secret or a code`,
        );
        failure = Object.assign(failure as Error, { name: 'AssertionError' });
        break;
      }
    }
  }
  if (failure !== undefined) {
    if (isAssertion(failure)) {
      failure.message = `${prefix} ${failure.message}`;
      throw failure;
    }
    throw new Error(`${prefix} ${describeRaw(failure, sensitive)}`, { cause: failure });
  }
  if (outcome.status === 'skipped' && runOptions.skip) runOptions.skip(outcome.reason);
  return outcome;
}
