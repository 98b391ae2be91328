import { type ConformanceHarness, conformanceTemplates } from '@org/connector-conformance';
import type { Mock__PASCAL__, Mock__PASCAL__Options } from '__MOCKPACKAGE__';
import { create__PASCAL__Connector } from '../src/index.js';

export const apiKey = '__NAME__-conformance-api-key-0123456789';

/** The mock's setup for both conformance runs: the one key it accepts. */
export const mockOptions: Mock__PASCAL__Options = { apiKeys: [apiKey] };

/**
 * The conformance harness over a mock, reached through msw (no `baseUrl`) or its local server.
 * TODO: one invalid config per rule of src/config-schema.ts, and every secret of the config.
 */
export function __CAMEL__Harness(mock: Mock__PASCAL__, baseUrl?: string): ConformanceHarness {
  mock.reset();
  const validConfig = {
    apiKey,
    emailAddress: 'Conformance <noreply@conformance.example>',
    templates: [...conformanceTemplates],
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
  return {
    validConfig,
    fromAddress: 'noreply@conformance.example',
    createConnector: (overrides, options) =>
      create__PASCAL__Connector({ ...validConfig, ...overrides }, options),
    invalidConfigs: [
      { config: { apiKey: undefined }, field: 'apiKey' },
      { config: { emailAddress: 'not a mailbox' }, field: 'emailAddress' },
      { config: { baseUrl: 'ftp://api.__NAME__.example' }, field: 'baseUrl' },
      { config: { tags: { 'bad tag': 'x' } }, field: 'tags' },
      { config: { templates: [] }, field: 'templates' },
    ],
    secrets: [apiKey],
    requestTimeout: { overrides: { requestTimeoutMs: 300 }, ms: 300 },
    replyToOverrides: (addresses) => ({ replyTo: [...addresses] }),
    tagsOverrides: (tags) => ({ tags: { ...tags } }),
    headersOverrides: (headers) => ({ headers: { ...headers } }),
    // A key the mock refuses (as __TITLE__ answers a wrong key) while the valid one works.
    invalidCredentials: { apiKey: '__NAME__-wrong-api-key-00000000000000' },
    mock: mock.asProviderMock(),
  };
}
