// A secret need not be a top-level config field (SMTP keeps its password in auth.pass): the
// metadata and config groups find it wherever it is, and still catch the mistakes around it.
import type { EmailConnectorFactory } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { conformanceCases, conformanceTemplates, runConformanceCase } from '../src/index.js';
import type { ConformanceHarness } from '../src/types.js';
import {
  echoesNestedSecretConnector,
  nestedSecretConnector,
  unflaggedNestedSecretConnector,
} from './fixtures/nested-secret-connectors.js';
import { createPostboxMock } from './fixtures/postbox/provider-mock.js';

const apiKey = 'pb_conformance_0123456789abcdef';

function harness(factory: EmailConnectorFactory): ConformanceHarness {
  const validConfig = {
    credentials: { apiKey },
    emailAddress: 'Conformance <noreply@conformance.example>',
    templates: [...conformanceTemplates],
  };
  return {
    validConfig,
    fromAddress: 'noreply@conformance.example',
    createConnector: (overrides, options) => factory({ ...validConfig, ...overrides }, options),
    invalidConfigs: [{ config: { credentials: { apiKey: 'short' } }, field: 'credentials.apiKey' }],
    secrets: [apiKey],
    // These cases send nothing.
    mock: createPostboxMock().mock,
  };
}

async function outcome(
  factory: EmailConnectorFactory,
  group: 'metadata' | 'config',
  name: string,
): Promise<string> {
  const conformanceCase = conformanceCases[group].find((c) => c.name === name);
  if (!conformanceCase) throw new Error(`no case "${name}"`);
  try {
    return (await runConformanceCase(conformanceCase, { setup: () => harness(factory) })).status;
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

const flaggedCase = 'every secret config field is flagged secret in the form items';
const echoCase = 'invalid config errors never show a secret value';

describe('nested secrets', () => {
  it('a connector with a nested secret in a flagged JSON form item passes', async () => {
    expect(await outcome(nestedSecretConnector, 'metadata', flaggedCase)).toBe('passed');
    expect(await outcome(nestedSecretConnector, 'config', echoCase)).toBe('passed');
  });

  it('an unflagged form item holding a nested secret fails, naming the item and the field', async () => {
    const result = await outcome(unflaggedNestedSecretConnector, 'metadata', flaggedCase);
    expect(result).toMatch(
      /^failed: \[metadata\] broke the rule .*: formItems\["credentials"\]\.secret \(it holds the secret field "credentials\.apiKey"\)/,
    );
  });

  it('a config error that echoes a mistyped nested secret fails without printing it', async () => {
    const result = await outcome(echoesNestedSecretConnector, 'config', echoCase);
    expect(result).toMatch(
      /^failed: \[config\] broke the rule .*: credentials\.apiKey given as an array: .*contains secrets\[0\]/,
    );
    expect(result).not.toContain(apiKey);
  });
});
