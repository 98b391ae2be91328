import {
  conformanceTemplates,
  describeEmailConnectorConformance,
} from '@org/connector-conformance';
import { createResendConnector } from '../src/index.js';
import { createResendProviderMock } from '../src/provider-mock.js';

// The shared suite every connector passes. Failures name the file to fill in next.
describeEmailConnectorConformance({
  name: 'resend',
  setup() {
    const mock = createResendProviderMock();
    const validConfig = {
      apiKey: 'resend-conformance-api-key-0123456789',
      emailAddress: 'Conformance <noreply@conformance.example>',
      templates: [...conformanceTemplates],
    };
    return {
      validConfig,
      fromAddress: 'noreply@conformance.example',
      createConnector: (overrides, options) =>
        createResendConnector({ ...validConfig, ...overrides }, options),
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
