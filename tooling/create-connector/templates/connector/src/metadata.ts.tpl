import { type ConnectorMetadata, replyToFormItem, templatesFormItem } from '@org/connector-core';

export const __CAMEL__Provider = '__NAME__';

/**
 * What the connector is and supports. The conformance suite skips the tests of capabilities
 * declared `false`, and runs the rest: keep each one true only if the transport does it.
 */
export const __CAMEL__Metadata: ConnectorMetadata = {
  id: '__NAME__-email',
  provider: __CAMEL__Provider,
  name: '__TITLE__',
  description: 'Sends verification and notification emails through the __TITLE__ API.',
  capabilities: {
    check: true,
    tags: true,
    replyTo: true,
    retries: true,
    requestTimeout: true,
  },
  formItems: [
    {
      key: 'apiKey',
      label: 'API key',
      type: 'secret',
      required: true,
      secret: true,
      description: 'A __TITLE__ API key. TODO: say where to create one and which access it needs.',
    },
    {
      key: 'emailAddress',
      label: 'From address',
      type: 'text',
      required: true,
      placeholder: 'Acme <noreply@acme.com>',
      description: 'An address __TITLE__ lets this account send from.',
    },
    replyToFormItem,
    { key: 'tags', label: 'Tags', type: 'json', required: false },
    { key: 'headers', label: 'Headers', type: 'json', required: false },
    {
      key: 'baseUrl',
      label: 'API base URL',
      type: 'text',
      required: false,
      placeholder: 'https://api.__NAME__.example',
    },
    { key: 'requestTimeoutMs', label: 'Request timeout (ms)', type: 'number', required: false },
    { key: 'maxAttempts', label: 'Attempts per send', type: 'number', required: false },
    templatesFormItem,
  ],
};
