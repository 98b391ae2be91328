import { createMemoryConnector, createMemoryProvider } from '@org/connector-core/testing';
import { conformanceTemplates, describeEmailConnectorConformance } from '../src/index.js';

describeEmailConnectorConformance({
  name: 'memory',
  setup() {
    // One provider per test, shared by every connector the test creates.
    const provider = createMemoryProvider();
    const validConfig = {
      templates: [...conformanceTemplates],
      from: 'Conformance <noreply@conformance.example>',
    };
    return {
      validConfig,
      fromAddress: 'noreply@conformance.example',
      createConnector: (overrides = {}, options) =>
        createMemoryConnector({
          ...validConfig,
          ...overrides,
          provider,
          ...(options ? { options } : {}),
        } as Parameters<typeof createMemoryConnector>[0]),
      invalidConfigs: [
        { config: { from: 'not a mailbox' }, field: 'from' },
        { config: { from: undefined }, field: 'from' },
        { config: { templates: [] }, field: 'templates' },
        {
          config: { templates: conformanceTemplates.filter((t) => t.usageType !== 'Generic') },
          field: 'templates',
        },
      ],
      secrets: [],
      replyToOverrides: (addresses) => ({ replyTo: [...addresses] }),
      tagsOverrides: (tags) => ({ tags: { ...tags } }),
      headersOverrides: (headers) => ({ headers: { ...headers } }),
      mock: provider.asProviderMock(),
    };
  },
});
