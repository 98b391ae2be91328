import { type ConnectorMetadata, replyToFormItem, templatesFormItem } from '@org/connector-core';

export const resendProvider = 'resend';

export const resendMetadata: ConnectorMetadata = {
  id: 'resend-email',
  provider: resendProvider,
  name: 'Resend',
  description: 'Sends verification and notification emails through the Resend API.',
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
      placeholder: 're_…',
      description:
        'A Resend API key (sending access is enough to send; check() lists domains with full access).',
    },
    {
      key: 'emailAddress',
      label: 'From address',
      type: 'text',
      required: true,
      placeholder: 'Acme <noreply@acme.com>',
      description: 'An address on a domain verified in Resend.',
    },
    replyToFormItem,
    {
      key: 'tags',
      label: 'Tags',
      type: 'json',
      required: false,
      description:
        'Tags added to every email, e.g. {"app": "web"}: ASCII letters, digits, _ and -.',
    },
    { key: 'headers', label: 'Headers', type: 'json', required: false },
    {
      key: 'baseUrl',
      label: 'API base URL',
      type: 'text',
      required: false,
      placeholder: 'https://api.resend.com',
    },
    { key: 'requestTimeoutMs', label: 'Request timeout (ms)', type: 'number', required: false },
    { key: 'maxAttempts', label: 'Attempts per send', type: 'number', required: false },
    templatesFormItem,
  ],
};
