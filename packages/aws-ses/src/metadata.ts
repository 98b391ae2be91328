import {
  type ConnectorMetadata,
  replyToFormItem,
  templatesFormItem,
} from '@org/connector-core/provider';

export const awsSesProvider = 'aws-ses';

export const awsSesMetadata: ConnectorMetadata = {
  id: 'aws-ses-email',
  provider: awsSesProvider,
  name: 'Amazon SES',
  description:
    'Sends verification and notification emails through Amazon Simple Email Service (API v2).',
  capabilities: {
    check: true,
    tags: true,
    replyTo: true,
    retries: true,
    requestTimeout: true,
    feedback: true,
  },
  formItems: [
    {
      key: 'accessKeyId',
      label: 'Access key ID',
      type: 'text',
      required: false,
      description:
        'Leave empty (with the secret) to use the AWS default credential chain: environment, shared profile, SSO, container or instance role.',
      placeholder: 'AKIA...',
    },
    {
      key: 'accessKeySecret',
      label: 'Secret access key',
      type: 'secret',
      required: false,
      secret: true,
      description: 'Required together with the access key ID.',
    },
    {
      key: 'sessionToken',
      label: 'Session token',
      type: 'secret',
      required: false,
      secret: true,
      description: 'Only for temporary credentials (an assumed role or SSO session).',
    },
    {
      key: 'region',
      label: 'Region',
      type: 'text',
      required: true,
      description: 'The AWS region of your SES identities.',
      placeholder: 'us-east-1',
    },
    {
      key: 'emailAddress',
      label: 'From address',
      type: 'text',
      required: true,
      description: 'A verified SES identity (an address, or an address on a verified domain).',
      placeholder: 'Acme <noreply@acme.com>',
    },
    {
      key: 'emailAddressIdentityArn',
      label: 'From identity ARN',
      type: 'text',
      required: false,
      description:
        'For sending authorization: the ARN of the identity that authorizes the From address.',
      placeholder: 'arn:aws:ses:us-east-1:123456789012:identity/acme.com',
    },
    {
      key: 'feedbackForwardingEmailAddress',
      label: 'Feedback forwarding address',
      type: 'text',
      required: false,
      description: 'Where bounces and complaints are forwarded.',
    },
    {
      key: 'feedbackForwardingEmailAddressIdentityArn',
      label: 'Feedback forwarding identity ARN',
      type: 'text',
      required: false,
      description: 'For sending authorization of the feedback forwarding address.',
    },
    {
      key: 'configurationSetName',
      label: 'Configuration set',
      type: 'text',
      required: false,
      description: 'An SES configuration set (event publishing, dedicated IPs) in the same region.',
    },
    {
      key: 'endpoint',
      label: 'Endpoint',
      type: 'text',
      required: false,
      description: 'Overrides the SES endpoint: a VPC endpoint, or a local mock for tests.',
      placeholder: 'http://127.0.0.1:4566',
    },
    replyToFormItem,
    {
      key: 'tags',
      label: 'Message tags',
      type: 'json',
      required: false,
      description:
        'SES message tags added to every email ({ "name": "value" }; letters, digits, _ and -). Every email also carries usage_type.',
    },
    {
      key: 'maxAttempts',
      label: 'Max attempts',
      type: 'number',
      required: false,
      description:
        'SES calls per send, retries of throttling and transient errors included (1 to 10, default 3).',
    },
    {
      key: 'requestTimeoutMs',
      label: 'Request timeout (ms)',
      type: 'number',
      required: false,
      description: 'Time limit for each attempt (default 10000).',
    },
    {
      key: 'pacing',
      label: 'Pacing',
      type: 'json',
      required: false,
      description:
        'Spaces sends so the SES sending rate is never exceeded: "off" (default), "auto" (the account\'s MaxSendRate, read with ses:GetAccount) or { "maxSendRate": 14 }.',
    },
    {
      key: 'maxQueueWaitMs',
      label: 'Max queue wait (ms)',
      type: 'number',
      required: false,
      description:
        'With pacing: the longest a send waits for its turn before failing with rate_limit_exceeded (default 30000).',
    },
    templatesFormItem,
  ],
};
