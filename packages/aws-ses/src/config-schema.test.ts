import { ConnectorError } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { awsSesConfigSchema } from './config-schema.js';
import { createAwsSesConnector } from './connector.js';

const minimal = { region: 'us-east-1', emailAddress: 'noreply@acme.test', templates };

function configError(config: unknown): ConnectorError {
  try {
    createAwsSesConnector(config);
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('awsSesConfigSchema', () => {
  it('accepts a Logto connector config unchanged, blank optional fields included', () => {
    const logto = {
      accessKeyId: 'accessKeyId',
      accessKeySecret: 'accessKeySecret+cltHAJ',
      region: 'eu-west-1',
      emailAddress: 'Logto<noreply@logto.io>',
      emailAddressIdentityArn: '',
      feedbackForwardingEmailAddress: '',
      feedbackForwardingEmailAddressIdentityArn: '',
      configurationSetName: '',
      templates: [
        { usageType: 'SignIn', subject: 'Sign-in code', content: 'Your code is {{code}}' },
        { usageType: 'Register', subject: 'subject', content: 'Register code {{code}}' },
        { usageType: 'ForgotPassword', subject: 'subject', content: 'Reset code {{code}}' },
        { usageType: 'Generic', subject: 'subject', content: 'Generic code {{code}}' },
        { usageType: 'OrganizationInvitation', subject: 'Invite', content: 'Link {{link}}' },
      ],
    };
    const parsed = awsSesConfigSchema.parse(logto);
    expect(parsed).toMatchObject({
      accessKeyId: 'accessKeyId',
      region: 'eu-west-1',
      emailAddress: 'Logto<noreply@logto.io>',
      maxAttempts: 3,
      requestTimeoutMs: 10_000,
    });
    expect(parsed).not.toHaveProperty('configurationSetName');
    expect(parsed).not.toHaveProperty('emailAddressIdentityArn');
  });

  it('accepts a config without credentials (default credential chain) and every extension', () => {
    const parsed = awsSesConfigSchema.parse({
      ...minimal,
      region: 'us-gov-west-1',
      emailAddress: '<noreply@acme.test>',
      emailAddressIdentityArn: 'arn:aws-us-gov:ses:us-gov-west-1:123456789012:identity/acme.test',
      endpoint: 'https://vpce-123.email.us-gov-west-1.vpce.amazonaws.com',
      replyTo: 'Support <support@acme.test>',
      tags: { app: 'acme-web', env: 'prod_1' },
      maxAttempts: 1,
      requestTimeoutMs: 2500,
    });
    expect(parsed.replyTo).toEqual(['Support <support@acme.test>']);
    expect(parsed.accessKeyId).toBeUndefined();
    expect(parsed.maxAttempts).toBe(1);
  });

  it('paces nothing by default, and takes "auto" or a fixed rate', () => {
    expect(awsSesConfigSchema.parse(minimal)).toMatchObject({
      pacing: 'off',
      maxQueueWaitMs: 30_000,
    });
    expect(awsSesConfigSchema.parse({ ...minimal, pacing: 'auto' }).pacing).toBe('auto');
    expect(
      awsSesConfigSchema.parse({ ...minimal, pacing: { maxSendRate: 0.5 }, maxQueueWaitMs: 0 }),
    ).toMatchObject({ pacing: { maxSendRate: 0.5 }, maxQueueWaitMs: 0 });
  });

  it('requires emailAddress and names it', () => {
    const error = configError({ ...minimal, emailAddress: undefined });
    expect(error.code).toBe('invalid_config');
    expect(error.message).toMatch(/emailAddress: required/);
    expect(configError({ ...minimal, emailAddress: '' }).message).toMatch(/emailAddress: required/);
    expect(configError({ ...minimal, emailAddress: 'not-an-address' }).message).toMatch(
      /emailAddress: .*no "@"/,
    );
  });

  it('needs both halves of a key pair, naming the missing one, and never shows the secret', () => {
    const onlyId = configError({ ...minimal, accessKeyId: fakeCredentials.accessKeyId });
    expect(onlyId.message).toMatch(/accessKeySecret: required when accessKeyId is set/);
    const onlySecret = configError({
      ...minimal,
      accessKeySecret: fakeCredentials.accessKeySecret,
      region: 'nowhere',
    });
    expect(onlySecret.message).toMatch(/accessKeyId: required when accessKeySecret is set/);
    expect(onlySecret.message).toMatch(/region: must be an AWS region/);
    expect(onlySecret.message).not.toContain(fakeCredentials.accessKeySecret);
    expect(configError({ ...minimal, sessionToken: 'token-value' }).message).toMatch(
      /sessionToken: only used together with accessKeyId and accessKeySecret/,
    );
  });

  it.each([
    ['region', { region: 'US-EAST-1' }, /region: must be an AWS region/],
    ['region', { region: 'useast1' }, /region: must be an AWS region/],
    [
      'emailAddressIdentityArn',
      { emailAddressIdentityArn: 'arn:aws:iam::123456789012:user/ses' },
      /emailAddressIdentityArn: must be an SES identity ARN/,
    ],
    [
      'feedbackForwardingEmailAddressIdentityArn',
      { feedbackForwardingEmailAddressIdentityArn: 'arn:aws:ses:us-east-1:1234:identity/a.b' },
      /feedbackForwardingEmailAddressIdentityArn: must be an SES identity ARN/,
    ],
    [
      'emailAddressIdentityArn (other region)',
      { emailAddressIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/acme.test' },
      /emailAddressIdentityArn: the identity is in region eu-west-1 but region is us-east-1/,
    ],
    ['endpoint', { endpoint: 'ftp://127.0.0.1' }, /endpoint: must be an http\(s\) URL/],
    ['endpoint', { endpoint: 'localhost' }, /endpoint: must be an http\(s\) URL/],
    ['replyTo', { replyTo: ['ok@acme.test', 'broken'] }, /replyTo\[1\]: .*no "@"/],
    ['tags (name)', { tags: { 'bad name': 'x' } }, /tags\.bad name: tag names may use only/],
    ['tags (value)', { tags: { app: 'a b' } }, /tags\.app: tag values may use only/],
    [
      'tags (usage_type)',
      { tags: { usage_type: 'x' } },
      /tags\.usage_type: .*set by the connector/,
    ],
    ['maxAttempts', { maxAttempts: 0 }, /maxAttempts: must be at least 1/],
    ['maxAttempts', { maxAttempts: 11 }, /maxAttempts: must be at most 10/],
    ['requestTimeoutMs', { requestTimeoutMs: -5 }, /requestTimeoutMs: must be a positive/],
    ['pacing', { pacing: 'fast' }, /pacing: must be "off", "auto" .* \{ "maxSendRate"/],
    ['pacing', { pacing: { maxSendRate: 0 } }, /pacing\.maxSendRate: must be more than 0/],
    ['pacing', { pacing: { rate: 5 } }, /pacing: must be "off", "auto"/],
    ['maxQueueWaitMs', { maxQueueWaitMs: -1 }, /maxQueueWaitMs: must be 0 or more/],
    ['maxQueueWaitMs', { maxQueueWaitMs: 1.5 }, /maxQueueWaitMs: must be a whole number/],
    [
      'configurationSetName',
      { configurationSetName: 'has space' },
      /configurationSetName: may use/,
    ],
    [
      'templates',
      { templates: templates.slice(0, 2) },
      /templates: .*missing: ForgotPassword, Generic/,
    ],
  ])('rejects a bad %s and names it', (_field, override, pattern) => {
    const error = configError({ ...minimal, ...override });
    expect(error.code).toBe('invalid_config');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(pattern);
  });

  it('lists every rejected field at once', () => {
    const error = configError({ templates, region: 'x', maxAttempts: 'three' });
    expect(error.message).toMatch(/region:/);
    expect(error.message).toMatch(/emailAddress:/);
    expect(error.message).toMatch(/maxAttempts:/);
  });
});
