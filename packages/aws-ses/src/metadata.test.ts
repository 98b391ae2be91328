import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { awsSesConfigObjectSchema } from './config-schema.js';
import { createAwsSesConnector } from './index.js';

describe('metadata', () => {
  const { metadata } = createAwsSesConnector;

  it('identifies the connector and declares every capability', () => {
    expect(metadata).toMatchObject({
      id: 'aws-ses-email',
      provider: 'aws-ses',
      name: 'Amazon SES',
    });
    expect(Object.values(metadata.capabilities).every((supported) => supported === true)).toBe(
      true,
    );
  });

  it('has one form item per config key, secret fields marked secret', () => {
    expect(metadata.formItems.map((item) => item.key).sort()).toEqual(
      Object.keys(awsSesConfigObjectSchema.shape).sort(),
    );
    const secrets = metadata.formItems.filter((item) => item.secret).map((item) => item.key);
    expect(secrets.sort()).toEqual(['accessKeySecret', 'sessionToken']);
    const required = metadata.formItems.filter((item) => item.required).map((item) => item.key);
    expect(required.sort()).toEqual(['emailAddress', 'region', 'templates']);
  });

  it('never shows the secret key or the session token when a connector is logged', async () => {
    const connector = createAwsSesConnector({
      ...fakeCredentials,
      sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
      region: 'us-east-1',
      emailAddress: 'noreply@acme.test',
      templates,
    });
    try {
      for (const text of [JSON.stringify(connector), inspect(connector, { depth: 5 })]) {
        expect(text).not.toContain(fakeCredentials.accessKeySecret);
        expect(text).not.toContain('FwoGZXIvYXdzEXAMPLESESSIONTOKEN');
        expect(text).toContain('[redacted]');
        expect(text).toContain(fakeCredentials.accessKeyId);
      }
    } finally {
      await connector.close();
    }
  });
});
