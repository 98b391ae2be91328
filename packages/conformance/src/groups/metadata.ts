import type { ConnectorCapabilities } from '@org/connector-core';
import { ConnectorError } from '@org/connector-core';
import { assert, expect } from 'vitest';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { formItemKeyFor, locateSecrets } from '../secret-paths.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceHarness, ConformanceOptions } from '../types.js';

/** The harness hook that sets each capability's option, when the harness has one. */
function optionProbes(
  harness: ConformanceHarness,
): { capability: keyof ConnectorCapabilities; overrides: Record<string, unknown> }[] {
  const probes: { capability: keyof ConnectorCapabilities; overrides: Record<string, unknown> }[] =
    [];
  if (harness.replyToOverrides) {
    probes.push({
      capability: 'replyTo',
      overrides: harness.replyToOverrides(['probe-reply@conformance.example']),
    });
  }
  if (harness.tagsOverrides) {
    probes.push({ capability: 'tags', overrides: harness.tagsOverrides({ probe: 'yes' }) });
  }
  if (harness.requestTimeout) {
    probes.push({ capability: 'requestTimeout', overrides: harness.requestTimeout.overrides });
  }
  return probes;
}

const capabilityNames: readonly (keyof ConnectorCapabilities)[] = [
  'check',
  'tags',
  'replyTo',
  'retries',
  'requestTimeout',
];

export const metadataCases = defineCases('metadata', [
  {
    name: 'identifies itself: id, provider, name and description',
    async run({ connector }) {
      const { metadata } = await connector();
      for (const key of ['id', 'provider'] as const) {
        expect(typeof metadata[key], `metadata.${key}`).toBe('string');
        expect(metadata[key], `metadata.${key} is a stable token`).toMatch(
          /^[a-z0-9][a-z0-9._-]*$/,
        );
      }
      for (const key of ['name', 'description'] as const) {
        expect(typeof metadata[key], `metadata.${key}`).toBe('string');
        expect(metadata[key].trim(), `metadata.${key} is not blank`).not.toBe('');
      }
    },
  },
  {
    name: 'declares every capability, and check() exists exactly when declared',
    async run({ connector }) {
      const created = await connector();
      const { capabilities } = created.metadata;
      for (const name of capabilityNames) {
        expect(typeof capabilities[name], `metadata.capabilities.${name}`).toBe('boolean');
      }
      expect(
        typeof created.check === 'function',
        'typeof connector.check === "function" must match metadata.capabilities.check',
      ).toBe(capabilities.check);
    },
  },
  {
    name: 'a capability declared false does not accept its option and silently drop it',
    rule: 'a connector that declares a capability false refuses the option with invalid_config instead of accepting and dropping it',
    lookAt:
      'metadata.capabilities and the config schema: declare the capability you implement, or reject its option',
    async run({ connector, harness, mock }) {
      const { capabilities } = (await connector()).metadata;
      for (const { capability, overrides } of optionProbes(harness)) {
        if (capabilities[capability]) continue;
        let built: Awaited<ReturnType<typeof harness.createConnector>> | undefined;
        let refusal: unknown;
        try {
          built = await harness.createConnector(overrides);
        } catch (error) {
          refusal = error;
        }
        if (built) {
          try {
            await built.sendMessage({
              to: recipient('capability'),
              type: 'SignIn',
              payload: conformancePayload(newCode()),
            });
          } catch {
            // A send that fails is checked below: the option was not silently dropped.
          }
          await built.close();
          const delivered = mock.sent();
          mock.reset();
          if (delivered.length > 0) {
            assert.fail(
              `metadata.capabilities.${capability} is false, yet the connector accepted the ${capability} option (${Object.keys(overrides).join(', ')}) and sent; declare the capability (so the suite checks it) or refuse the option with invalid_config`,
            );
          }
          continue;
        }
        if (ConnectorError.isInstance(refusal)) {
          expect(refusal.code, `the ${capability} option of a connector without it`).toBe(
            'invalid_config',
          );
        } else {
          assert.fail(
            `creating a connector with the ${capability} option threw ${String(refusal)}; refuse an unsupported option with an invalid_config ConnectorError`,
          );
        }
      }
    },
  },
  {
    name: 'every secret config field is flagged secret in the form items',
    async run({ harness, connector }) {
      const { formItems } = (await connector()).metadata;
      const keys = formItems.map((item) => item.key);
      expect(new Set(keys).size, 'form item keys are unique').toBe(keys.length);
      const locations = locateSecrets(harness.validConfig, harness.secrets);
      harness.secrets.forEach((_, index) => {
        expect(
          locations.some((location) => location.index === index),
          `secrets[${index}] must be the value of a field of validConfig (top-level or nested)`,
        ).toBe(true);
      });
      for (const { path } of locations) {
        const field = path.join('.');
        // A nested secret is edited through the form item of the object holding it (a JSON
        // field such as SMTP's auth), which must then be flagged as a whole.
        const key = formItemKeyFor(path, keys);
        expect(
          key,
          `a form item for the secret field "${field}" (or an object holding it)`,
        ).toBeDefined();
        const item = formItems.find((candidate) => candidate.key === key);
        expect(
          item?.secret,
          `formItems["${key}"].secret (it holds the secret field "${field}")`,
        ).toBe(true);
      }
    },
  },
  {
    name: 'every required form item is present in the valid config',
    async run({ harness, connector }) {
      const config = harness.validConfig as Record<string, unknown>;
      for (const item of (await connector()).metadata.formItems) {
        if (!item.required) continue;
        expect(config[item.key], `validConfig.${item.key} (a required form item)`).toBeDefined();
      }
    },
  },
  {
    name: 'check() reports without sending anything',
    requires: 'check',
    async run({ connector, mock }) {
      const created = await connector();
      const report = await created.check!();
      expect(typeof report.ok, 'report.ok').toBe('boolean');
      expect(Array.isArray(report.checks), 'report.checks is an array').toBe(true);
      for (const item of report.checks) {
        expect(['pass', 'warn', 'fail'], `status of check "${item.name}"`).toContain(item.status);
        expect(item.detail, `detail of check "${item.name}"`).toBeTypeOf('string');
      }
      expect(report.ok, 'ok is false exactly when a check failed').toBe(
        report.checks.every((item) => item.status !== 'fail'),
      );
      expect(mock.sent(), 'check() delivered no email').toHaveLength(0);
    },
  },
]);

/** Metadata: identification, capabilities, secret fields flagged. */
export function metadataConformance(options: ConformanceOptions): void {
  registerGroup('metadata', metadataCases, options);
}
