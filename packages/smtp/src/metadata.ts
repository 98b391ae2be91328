import { type ConnectorMetadata, replyToFormItem, templatesFormItem } from '@org/connector-core';

export const smtpProvider = 'smtp';

/**
 * What the connector is and supports. `tags` is true because tags reach the SMTP server, as one
 * header (`tagHeader`, default `X-Tags: usage_type=SignIn, …`); whether the server makes
 * anything of them is up to it (point `tagHeader` at `X-SES-MESSAGE-TAGS` for Amazon SES).
 */
export const smtpMetadata: ConnectorMetadata = {
  id: 'smtp-email',
  provider: smtpProvider,
  name: 'SMTP',
  description:
    'Sends verification and notification emails through any SMTP server: a local relay, your own mail server or a hosted provider’s SMTP endpoint.',
  capabilities: {
    check: true,
    tags: true,
    replyTo: true,
    retries: true,
    requestTimeout: true,
  },
  formItems: [
    {
      key: 'host',
      label: 'SMTP host',
      type: 'text',
      required: true,
      placeholder: 'smtp.example.com',
    },
    {
      key: 'port',
      label: 'Port',
      type: 'number',
      required: false,
      description: '587 for STARTTLS (default), 465 with implicit TLS (secure), 25 for a relay.',
      placeholder: '587',
    },
    {
      key: 'secure',
      label: 'Implicit TLS',
      type: 'boolean',
      required: false,
      description:
        'TLS from the first byte (port 465). Leave off for port 587 or 25, where STARTTLS upgrades the connection.',
    },
    {
      key: 'requireTLS',
      label: 'Require STARTTLS',
      type: 'boolean',
      required: false,
      description: 'Refuse to send when the server does not upgrade the connection to TLS.',
    },
    {
      key: 'ignoreTLS',
      label: 'Never use STARTTLS',
      type: 'boolean',
      required: false,
      description: 'Only for a trusted local relay that offers broken TLS.',
    },
    {
      key: 'tls',
      label: 'TLS options',
      type: 'json',
      required: false,
      description:
        '{ "ca": "-----BEGIN CERTIFICATE-----…", "servername": "…", "rejectUnauthorized": true, "minVersion": "TLSv1.2" }',
    },
    {
      key: 'auth',
      label: 'Credentials',
      type: 'json',
      required: false,
      secret: true,
      description:
        '{ "user": "…", "pass": "…" }; leave empty for a relay that accepts mail without authentication.',
    },
    {
      key: 'fromEmail',
      label: 'From address',
      type: 'text',
      required: true,
      description: 'An address the server lets these credentials send as.',
      placeholder: 'Acme <noreply@acme.com>',
    },
    replyToFormItem,
    {
      key: 'name',
      label: 'Client host name',
      type: 'text',
      required: false,
      description: 'The name this client gives in EHLO (default: the machine’s host name).',
    },
    {
      key: 'headers',
      label: 'Extra headers',
      type: 'json',
      required: false,
      description: 'Headers added to every email, e.g. { "X-Campaign": "signup" }.',
    },
    {
      key: 'tags',
      label: 'Tags',
      type: 'json',
      required: false,
      description:
        'Tags added to every email ({ "name": "value" }); every email also carries usage_type.',
    },
    {
      key: 'tagHeader',
      label: 'Tag header',
      type: 'text',
      required: false,
      description:
        'The header that carries the tags as "name=value, …" (default X-Tags; X-SES-MESSAGE-TAGS for Amazon SES; false to send none).',
      placeholder: 'X-Tags',
    },
    {
      key: 'pool',
      label: 'Connection pool',
      type: 'json',
      required: false,
      description:
        '{ "maxConnections": 5, "maxMessages": 100, "rateLimit": 14 }: open connections, messages per connection, messages per second.',
    },
    {
      key: 'connectionTimeoutMs',
      label: 'Connection timeout (ms)',
      type: 'number',
      required: false,
      description: 'Time to open the connection (default 10000).',
    },
    {
      key: 'greetingTimeoutMs',
      label: 'Greeting timeout (ms)',
      type: 'number',
      required: false,
      description: 'Time to the server’s greeting once connected (default 10000).',
    },
    {
      key: 'socketTimeoutMs',
      label: 'Reply timeout (ms)',
      type: 'number',
      required: false,
      description:
        'Time the server may stay silent before a reply; ends the attempt with a timeout (default 30000).',
    },
    {
      key: 'maxAttempts',
      label: 'Max attempts',
      type: 'number',
      required: false,
      description:
        'Delivery attempts per send, retries of 4xx replies, dropped connections and timeouts included (1 to 10, default 3).',
    },
    templatesFormItem,
  ],
};
