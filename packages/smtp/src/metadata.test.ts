import { secretFieldsOf } from '@org/connector-core/provider';
import { describe, expect, it } from 'vitest';
import { smtpConfigObjectSchema, smtpConfigSchema } from './config-schema.js';
import { createSmtpConnector } from './connector.js';
import { smtpMetadata } from './metadata.js';

describe('smtpMetadata', () => {
  it('has a form item for every config field, and only for those', () => {
    const keys = smtpMetadata.formItems.map((item) => item.key).sort();
    expect(keys).toEqual(Object.keys(smtpConfigObjectSchema.shape).sort());
  });

  it('flags the auth item, which holds the password, as secret', () => {
    expect(secretFieldsOf(smtpConfigSchema)).toEqual(['auth.pass']);
    expect(smtpMetadata.formItems.find((item) => item.key === 'auth')?.secret).toBe(true);
  });

  it('is available on the factory before any config is given', () => {
    expect(createSmtpConnector.metadata.provider).toBe('smtp');
    expect(createSmtpConnector.metadata.capabilities).toEqual({
      check: true,
      tags: true,
      replyTo: true,
      retries: true,
      requestTimeout: true,
    });
  });
});
