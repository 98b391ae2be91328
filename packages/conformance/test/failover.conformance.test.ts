// The failover connector over two memory connectors, through the whole suite. Both deliver
// into one memory provider, so an injected fault hits the next provider requests whichever
// connector makes them: a persistent fault fails every connector, a single one only the first.
import { createFailoverConnector, type FailoverOptions } from '@org/connector-core';
import { createMemoryConnector, createMemoryProvider } from '@org/connector-core/testing';
import { conformanceTemplates, describeEmailConnectorConformance } from '../src/index.js';
import type { ConformanceHarness } from '../src/types.js';

function failoverHarness(options: FailoverOptions): ConformanceHarness {
  const provider = createMemoryProvider();
  const validConfig = {
    templates: [...conformanceTemplates],
    from: 'Conformance <noreply@conformance.example>',
  };
  const member = (overrides: Record<string, unknown>) =>
    createMemoryConnector({
      ...validConfig,
      ...overrides,
      provider,
    } as Parameters<typeof createMemoryConnector>[0]);
  return {
    validConfig,
    fromAddress: 'noreply@conformance.example',
    createConnector: (overrides = {}, connectorOptions) =>
      createFailoverConnector([member(overrides), member(overrides)], {
        ...options,
        ...connectorOptions,
      }),
    invalidConfigs: [
      { config: { from: 'not a mailbox' }, field: 'from' },
      { config: { templates: [] }, field: 'templates' },
    ],
    secrets: [],
    replyToOverrides: (addresses) => ({ replyTo: [...addresses] }),
    tagsOverrides: (tags) => ({ tags: { ...tags } }),
    headersOverrides: (headers) => ({ headers: { ...headers } }),
    mock: provider.asProviderMock(),
  };
}

describeEmailConnectorConformance({
  name: 'failover (priority)',
  setup: () => failoverHarness({}),
});

describeEmailConnectorConformance({
  name: 'failover (round-robin)',
  setup: () => failoverHarness({ strategy: 'round-robin' }),
});
