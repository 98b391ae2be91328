import {
  conformanceTemplates,
  describeEmailConnectorConformance,
} from '@org/connector-conformance';
import { create__PASCAL__Connector } from '../src/index.js';
import { create__PASCAL__ProviderMock } from '__MOCKPACKAGE__';

// The shared suite every connector passes. Failures name the file to fill in next.
describeEmailConnectorConformance({
  name: '__NAME__',
  setup() {
    const mock = create__PASCAL__ProviderMock();
    const validConfig = {
      apiKey: '__NAME__-conformance-api-key-0123456789',
      emailAddress: 'Conformance <noreply@conformance.example>',
      templates: [...conformanceTemplates],
    };
    return {
      validConfig,
      fromAddress: 'noreply@conformance.example',
      createConnector: (overrides, options) =>
        create__PASCAL__Connector({ ...validConfig, ...overrides }, options),
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
