import { createMemoryConnector, createMemoryProvider } from '@org/connector-core/testing';
import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from './conformance-case.js';
import { runConformanceCase } from './run-case.js';
import { conformanceTemplates } from './templates.js';
import type { ConformanceHarness } from './types.js';

function memoryHarness(log: string[]): ConformanceHarness {
  const provider = createMemoryProvider();
  const validConfig = { templates: [...conformanceTemplates], from: 'noreply@example.com' };
  return {
    validConfig,
    fromAddress: 'noreply@example.com',
    createConnector: (overrides = {}) => {
      log.push('create');
      return createMemoryConnector({ ...validConfig, ...overrides, provider } as Parameters<
        typeof createMemoryConnector
      >[0]);
    },
    invalidConfigs: [{ config: { from: '' }, field: 'from' }],
    secrets: [],
    mock: provider.asProviderMock(),
    teardown: () => {
      log.push('teardown');
    },
  };
}

const testCase = (overrides: Partial<ConformanceCase>): ConformanceCase => ({
  group: 'lifecycle',
  name: 'a case',
  run: async () => {},
  ...overrides,
});

describe('runConformanceCase', () => {
  it('gives each run a fresh harness and closes its connectors before the teardown', async () => {
    const log: string[] = [];
    let seen: { closed: boolean }[] = [];
    await runConformanceCase(
      testCase({
        async run({ connector, create }) {
          seen = [await connector(), await connector(), await create()];
        },
      }),
      { setup: () => memoryHarness(log) },
    );
    expect(log).toEqual(['create', 'create', 'teardown']);
    expect(seen[0]).toBe(seen[1]);
    expect(seen.map((c) => c.closed)).toEqual([true, true, true]);
  });

  it('rejects with the failed assertion, after cleaning up', async () => {
    const log: string[] = [];
    let connector: { closed: boolean } | undefined;
    const failing = runConformanceCase(
      testCase({
        async run(context) {
          connector = await context.connector();
          expect(1, 'one is two').toBe(2);
        },
      }),
      { setup: () => memoryHarness(log) },
    );
    await expect(failing).rejects.toThrow('one is two');
    expect(log).toContain('teardown');
    expect(connector?.closed).toBe(true);
  });

  it('skips a case whose capability the connector does not declare, with the reason', async () => {
    let ran = false;
    const outcome = await runConformanceCase(
      testCase({
        requires: 'retries',
        run: async () => {
          ran = true;
        },
      }),
      { setup: () => memoryHarness([]) },
    );
    expect(ran).toBe(false);
    expect(outcome).toEqual({
      status: 'skipped',
      reason:
        'memory does not declare the "retries" capability (metadata.capabilities.retries is false)',
    });
  });

  it('runs a case whose capability is declared', async () => {
    const outcome = await runConformanceCase(testCase({ requires: 'check' }), {
      setup: () => memoryHarness([]),
    });
    expect(outcome).toEqual({ status: 'passed' });
  });
});
