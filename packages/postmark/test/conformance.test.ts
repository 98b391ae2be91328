import {
  conformanceTemplates,
  describeEmailConnectorConformance,
} from '@org/connector-conformance';
import { createPostmarkConnector } from '../src/index.js';
import { createPostmarkProviderMock } from '../src/provider-mock.js';

// The shared suite every connector passes. Failures name the file to fill in next.
describeEmailConnectorConformance({
  name: 'postmark',
  setup() {
    const mock = createPostmarkProviderMock();
    const validConfig = {
      apiKey: 'postmark-conformance-api-key-0123456789',
      emailAddress: 'Conformance <noreply@conformance.example>',
      templates: [...conformanceTemplates],
    };
    return {
      validConfig,
      fromAddress: 'noreply@conformance.example',
      createConnector: (overrides, options) =>
        createPostmarkConnector({ ...validConfig, ...overrides }, options),
      invalidConfigs: [
        { config: { apiKey: undefined }, field: 'apiKey' },
        { config: { emailAddress: 'not a mailbox' }, field: 'emailAddress' },
        { config: { templates: [] }, field: 'templates' },
      ],
      secrets: [validConfig.apiKey],
      mock,
      teardown: () => mock.close(),
    };
  },
});
