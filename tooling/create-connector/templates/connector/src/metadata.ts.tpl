import type { ConnectorMetadata } from '@org/connector-core';

export const __CAMEL__Provider = '__NAME__';

/**
 * What the connector is and supports. The conformance suite skips the tests of capabilities
 * declared `false`: switch each on once the transport implements it.
 */
export const __CAMEL__Metadata: ConnectorMetadata = {
  id: '__NAME__-email',
  provider: __CAMEL__Provider,
  name: '__TITLE__',
  description: 'Sends verification and notification emails through __TITLE__.',
  capabilities: {
    check: false,
    tags: false,
    replyTo: false,
    retries: false,
    requestTimeout: false,
  },
  formItems: [
    { key: 'apiKey', label: 'API key', type: 'secret', required: true, secret: true },
    {
      key: 'emailAddress',
      label: 'From address',
      type: 'text',
      required: true,
      placeholder: 'Acme <noreply@acme.com>',
    },
    { key: 'endpoint', label: 'Endpoint', type: 'text', required: false },
    { key: 'requestTimeoutMs', label: 'Request timeout (ms)', type: 'number', required: false },
    { key: 'templates', label: 'Templates', type: 'json', required: true },
  ],
};
