import type { EmailConnector } from '@org/connector-core';
import { useMockSes } from '@org/mock-ses/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { captureWire } from '../test/wire-capture.js';
import { createAwsSesConnector } from './index.js';

const mock = useMockSes({ identities: ['acme.test'], configurationSets: ['transactional'] });
const wire = captureWire(mock.server);

const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
const minimal = {
  ...fakeCredentials,
  region: 'us-east-1',
  emailAddress: 'noreply@acme.test',
  templates,
};

let connector: EmailConnector | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

function connect(config: Record<string, unknown>): EmailConnector {
  connector = createAwsSesConnector(config);
  return connector;
}

describe('SendEmail on the wire', () => {
  it('maps a full config: identity ARNs, feedback forwarding, configuration set, tags, reply-to', async () => {
    const arn = 'arn:aws:ses:us-east-1:123456789012:identity/acme.test';
    const ses = connect({
      ...minimal,
      emailAddress: 'Acme<noreply@acme.test>',
      emailAddressIdentityArn: arn,
      feedbackForwardingEmailAddress: 'bounces@acme.test',
      feedbackForwardingEmailAddressIdentityArn: arn,
      configurationSetName: 'transactional',
      replyTo: ['Acme Support <support@acme.test>'],
      tags: { app: 'acme-web' },
    });

    const result = await ses.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '123456' },
    });

    const [body] = await wire.sendEmailBodies();
    expect(body).toEqual({
      FromEmailAddress: 'Acme <noreply@acme.test>',
      FromEmailAddressIdentityArn: arn,
      Destination: { ToAddresses: ['ada@example.com'] },
      ReplyToAddresses: ['Acme Support <support@acme.test>'],
      FeedbackForwardingEmailAddress: 'bounces@acme.test',
      FeedbackForwardingEmailAddressIdentityArn: arn,
      Content: {
        Simple: {
          Subject: utf8('Sign in to Acme'),
          Body: { Html: utf8('<p>Your code is 123456</p>'), Text: utf8('Your code is 123456') },
        },
      },
      EmailTags: [
        { Name: 'app', Value: 'acme-web' },
        { Name: 'usage_type', Value: 'SignIn' },
      ],
      ConfigurationSetName: 'transactional',
    });

    const sent = mock.outbox.get(result.messageId);
    expect(sent).toMatchObject({
      from: 'Acme <noreply@acme.test>',
      to: ['ada@example.com'],
      replyTo: ['Acme Support <support@acme.test>'],
      subject: 'Sign in to Acme',
      html: '<p>Your code is 123456</p>',
      text: 'Your code is 123456',
      tags: { app: 'acme-web', usage_type: 'SignIn' },
      configurationSetName: 'transactional',
      feedbackForwardingEmailAddress: 'bounces@acme.test',
      fromEmailAddressIdentityArn: arn,
    });
    expect(result).toEqual({
      messageId: sent?.messageId,
      provider: 'aws-ses',
      requestId: sent?.requestId,
      attempts: 1,
    });
  });

  it('sends only what a minimal Logto config sets', async () => {
    const ses = connect(minimal);
    await ses.sendMessage({ to: 'ada@example.com', type: 'Register', payload: { code: '654321' } });
    const [body] = await wire.sendEmailBodies();
    expect(body).toEqual({
      FromEmailAddress: 'noreply@acme.test',
      Destination: { ToAddresses: ['ada@example.com'] },
      Content: {
        Simple: {
          Subject: utf8('Welcome to Acme'),
          Body: { Html: utf8('<p>Your code is 654321</p>'), Text: utf8('Your code is 654321') },
        },
      },
      EmailTags: [{ Name: 'usage_type', Value: 'Register' }],
    });
    expect(mock.outbox.size).toBe(1);
  });

  it('sends a plain-text template as Text only', async () => {
    const ses = connect(minimal);
    const result = await ses.sendMessage({
      to: 'ada@example.com',
      type: 'ForgotPassword',
      payload: { code: '<b>777</b>' },
    });
    const [body] = await wire.sendEmailBodies();
    expect(body).toMatchObject({
      Content: {
        Simple: {
          Subject: utf8('Reset your password'),
          Body: { Text: utf8('Your reset code is <b>777</b>.') },
        },
      },
    });
    expect(
      (body as { Content: { Simple: { Body: object } } }).Content.Simple.Body,
    ).not.toHaveProperty('Html');
    const sent = mock.outbox.get(result.messageId);
    expect(sent?.html).toBeUndefined();
    expect(sent?.text).toBe('Your reset code is <b>777</b>.');
  });

  it('sends a localized template in UTF-8', async () => {
    const ses = connect(minimal);
    const result = await ses.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '246810', locale: 'de-AT' },
    });
    const [body] = await wire.sendEmailBodies();
    expect(body).toMatchObject({
      Content: {
        Simple: {
          Subject: utf8('Anmeldung bei Acme'),
          Body: {
            Html: utf8('<p>Ihr Code lautet 246810. Schöne Grüße!</p>'),
            Text: utf8('Ihr Code lautet 246810. Schöne Grüße!'),
          },
        },
      },
      EmailTags: [{ Name: 'usage_type', Value: 'SignIn' }],
    });
    expect(mock.outbox.get(result.messageId)?.subject).toBe('Anmeldung bei Acme');
  });

  it('sends Reply-To addresses and config tags beside usage_type', async () => {
    const ses = connect({
      ...minimal,
      replyTo: 'help@acme.test',
      tags: { tenant: 't-42', env: 'staging' },
    });
    const result = await ses.sendMessage({
      to: 'Ada Lovelace <ada@example.com>',
      type: 'Generic',
      payload: { code: '111222' },
    });
    const [body] = await wire.sendEmailBodies();
    expect(body).toMatchObject({
      Destination: { ToAddresses: ['Ada Lovelace <ada@example.com>'] },
      ReplyToAddresses: ['help@acme.test'],
      EmailTags: [
        { Name: 'tenant', Value: 't-42' },
        { Name: 'env', Value: 'staging' },
        { Name: 'usage_type', Value: 'Generic' },
      ],
    });
    expect(mock.outbox.get(result.messageId)).toMatchObject({
      replyTo: ['help@acme.test'],
      tags: { tenant: 't-42', env: 'staging', usage_type: 'Generic' },
    });
  });

  it('encodes a non-ASCII display name (RFC 2047) and an internationalized domain (punycode)', async () => {
    const ses = connect({ ...minimal, emailAddress: 'Zoë from Acme 支持 <noreply@acme.test>' });
    const result = await ses.sendMessage({
      to: 'José <jose@bücher.example>',
      type: 'SignIn',
      payload: { code: '135790' },
    });
    const [body] = (await wire.sendEmailBodies()) as {
      FromEmailAddress: string;
      Destination: object;
    }[];
    const encodedName = `=?UTF-8?B?${Buffer.from('Zoë from Acme 支持').toString('base64')}?=`;
    expect(body?.FromEmailAddress).toBe(`${encodedName} <noreply@acme.test>`);
    expect(body?.Destination).toEqual({
      ToAddresses: [
        `=?UTF-8?B?${Buffer.from('José').toString('base64')}?= <jose@xn--bcher-kva.example>`,
      ],
    });
    const sent = mock.outbox.get(result.messageId);
    expect(sent?.fromAddress).toBe('noreply@acme.test');
    expect(sent?.to.join()).toContain('jose@xn--bcher-kva.example');
  });
});
