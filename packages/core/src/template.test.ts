import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../test/fixtures.js';
import { templateSchema, templatesSchema } from './template.js';

describe('templateSchema', () => {
  it('accepts a full template', () => {
    expect(
      templateSchema.parse({
        usageType: 'SignIn',
        subject: 'Code',
        content: 'Code {{code}}',
        locale: 'zh-Hant-TW',
        contentType: 'text/plain',
      }).locale,
    ).toBe('zh-Hant-TW');
  });

  it.each([
    [{ usageType: 'Unknown', subject: 's', content: 'c' }, 'usageType'],
    [{ usageType: 'SignIn', subject: '', content: 'c' }, 'subject'],
    [{ usageType: 'SignIn', subject: 's', content: 'c', locale: 'not a locale' }, 'locale'],
    [
      { usageType: 'SignIn', subject: 's', content: 'c', locale: `${'ab-'.repeat(25_000)}cd` },
      'locale',
    ],
    [{ usageType: 'SignIn', subject: 's', content: 'c', locale: 'en-x' }, 'locale'],
    [
      { usageType: 'SignIn', subject: 's', content: 'c', contentType: 'text/markdown' },
      'contentType',
    ],
  ])('rejects %j at %s', (template, field) => {
    const result = templateSchema.safeParse(template);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('templatesSchema', () => {
  it('accepts a set covering the required types', () => {
    expect(templatesSchema.parse(requiredTemplates)).toHaveLength(4);
  });

  it('names the missing required types', () => {
    const result = templatesSchema.safeParse(
      requiredTemplates.filter((t) => t.usageType !== 'SignIn' && t.usageType !== 'Generic'),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('missing: SignIn, Generic');
  });

  it('rejects two templates with the same usage type and locale, ignoring case', () => {
    const result = templatesSchema.safeParse([
      ...requiredTemplates,
      { usageType: 'SignIn', locale: 'de', subject: 'a', content: 'b' },
      { usageType: 'SignIn', locale: 'DE', subject: 'a', content: 'b' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('duplicate template for usageType SignIn');
  });
});
