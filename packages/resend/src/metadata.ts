import type { ConnectorMetadata } from '@org/connector-core';

export const resendProvider = 'resend';

/**
 * What the connector is and supports. The conformance suite skips the tests of capabilities
 * declared `false`: switch each on once the transport implements it.
 */
export const resendMetadata: ConnectorMetadata = {
  id: 'resend-email',
  provider: resendProvider,
  name: 'Resend',
  description: 'Sends verification and notification emails through Resend.',
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
