import { expect } from 'vitest';
import { errorTexts, expectConnectorError, expectNoneOf, rejectionOf } from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { locateSecrets, overrideAt } from '../secret-paths.js';
import type { ConformanceHarness, ConformanceOptions } from '../types.js';

function invalidConfigsOf(harness: ConformanceHarness) {
  expect(
    harness.invalidConfigs.length,
    'the harness must list at least one invalid config (invalidConfigs)',
  ).toBeGreaterThan(0);
  return harness.invalidConfigs;
}

async function creationError(harness: ConformanceHarness, config: Record<string, unknown>) {
  // A factory may throw synchronously or return a rejected promise; both count.
  return rejectionOf(
    (async () => harness.createConnector(config))(),
    `createConnector(${JSON.stringify(Object.keys(config))} overridden)`,
  );
}

export const configCases = defineCases('config', [
  {
    name: 'the valid config creates an open connector',
    async run({ connector }) {
      const created = await connector();
      expect(created.closed, 'a new connector is open').toBe(false);
      expect(typeof created.sendMessage, 'sendMessage').toBe('function');
    },
  },
  {
    name: 'each invalid config fails with invalid_config naming the field',
    async run({ harness }) {
      for (const { config, field } of invalidConfigsOf(harness)) {
        const what = `invalid config for "${field}"`;
        const error = expectConnectorError(
          await creationError(harness, config),
          'invalid_config',
          what,
        );
        expect(error.retryable, `${what}: retryable`).toBe(false);
        expect(error.message, `${what}: the message names the field`).toContain(field);
      }
    },
  },
  {
    name: 'invalid config errors never show a secret value',
    async run({ harness }) {
      const secrets = harness.secrets.map((value, i) => ({ label: `secrets[${i}]`, value }));
      for (const { config, field } of invalidConfigsOf(harness)) {
        const error = await creationError(harness, config);
        expectNoneOf(errorTexts(error), secrets, `invalid config for "${field}"`);
      }
      // A secret field holding a value of the wrong type must not be echoed either, nested
      // ones (auth.pass) included.
      for (const { index, path } of locateSecrets(harness.validConfig, harness.secrets)) {
        const field = path.join('.');
        const value = harness.secrets[index];
        const error = await creationError(harness, overrideAt(harness.validConfig, path, [value]));
        expectConnectorError(error, 'invalid_config', `${field} given as an array`);
        expectNoneOf(errorTexts(error), secrets, `${field} given as an array`);
      }
    },
  },
  {
    name: 'creating and using a connector leaves the config object untouched',
    async run({ harness, connector, mock }) {
      const before = JSON.stringify(harness.validConfig);
      const created = await connector();
      await created.testSend('config-check@example.com');
      expect(mock.sent(), 'the test send was delivered').toHaveLength(1);
      expect(JSON.stringify(harness.validConfig), 'validConfig after use').toBe(before);
    },
  },
]);

/** Config: the valid config works; invalid ones fail with `invalid_config`, without secrets. */
export function configConformance(options: ConformanceOptions): void {
  registerGroup('config', configCases, options);
}
