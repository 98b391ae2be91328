import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../test/fixtures.js';
import { ConnectorError } from './connector-error.js';
import { localeFallbackChain, selectTemplate } from './select-template.js';
import type { Template } from './template.js';

const t = (usageType: Template['usageType'], locale?: string): Template => ({
  usageType,
  subject: `${usageType} ${locale ?? 'default'}`,
  content: '<p>{{code}}</p>',
  ...(locale === undefined ? {} : { locale }),
});

const templates: Template[] = [
  t('SignIn'),
  t('SignIn', 'zh'),
  t('SignIn', 'zh-Hant'),
  t('SignIn', 'zh-Hant-TW'),
  t('Register'),
  t('ForgotPassword'),
  t('Generic'),
  t('Generic', 'fr'),
];

describe('localeFallbackChain', () => {
  it('walks from the most specific tag to the language, lower-cased', () => {
    expect(localeFallbackChain('zh-Hant-TW')).toEqual(['zh-hant-tw', 'zh-hant', 'zh']);
    expect(localeFallbackChain('en')).toEqual(['en']);
  });

  it('drops an extension together with its singleton and accepts underscores', () => {
    expect(localeFallbackChain('de-DE-u-co-phonebk')).toEqual([
      'de-de-u-co-phonebk',
      'de-de-u-co',
      'de-de',
      'de',
    ]);
    expect(localeFallbackChain('zh_CN')).toEqual(['zh-cn', 'zh']);
  });
});

describe('selectTemplate', () => {
  it.each([
    ['zh-Hant-TW', 'SignIn zh-Hant-TW'],
    ['zh-hant-tw', 'SignIn zh-Hant-TW'],
    ['zh-Hant-HK', 'SignIn zh-Hant'],
    ['zh-Hans-CN', 'SignIn zh'],
    ['ZH', 'SignIn zh'],
    ['en-US', 'SignIn default'],
    [undefined, 'SignIn default'],
  ])('for SignIn and locale %s picks %s', (locale, subject) => {
    expect(selectTemplate(templates, 'SignIn', locale).subject).toBe(subject);
  });

  it('falls back to Generic, walking the same locale chain', () => {
    expect(selectTemplate(templates, 'MfaVerification', 'fr-CA').subject).toBe('Generic fr');
    expect(selectTemplate(templates, 'MfaVerification', 'de').subject).toBe('Generic default');
    expect(selectTemplate(templates, 'BindMfa').subject).toBe('Generic default');
  });

  it('prefers the usage type without a locale over a localized Generic', () => {
    expect(selectTemplate(templates, 'Register', 'fr').subject).toBe('Register default');
  });

  it('works with the minimal required set', () => {
    expect(selectTemplate(requiredTemplates, 'OrganizationInvitation').usageType).toBe('Generic');
  });

  it('fails with template_not_found naming the type and locale', () => {
    const onlyLocalized = [t('SignIn', 'en'), t('Generic', 'en')];
    let error: unknown;
    try {
      selectTemplate(onlyLocalized, 'SignIn', 'de-AT');
    } catch (caught) {
      error = caught;
    }
    expect(ConnectorError.isInstance(error)).toBe(true);
    const connectorError = error as ConnectorError;
    expect(connectorError.code).toBe('template_not_found');
    expect(connectorError.retryable).toBe(false);
    expect(connectorError.message).toContain('SignIn');
    expect(connectorError.message).toContain('de-AT');
    expect(connectorError.hint).toBeDefined();
  });
});

describe('locale fallback on long tags', () => {
  it('builds the chain from slices of one normalised tag (regression: rebuilt per subtag)', () => {
    // 5 000 subtags: the old chain joined the remaining subtags after each pop.
    const tag = `${'ab-'.repeat(5_000)}cd`;
    const chain = localeFallbackChain(tag);
    expect(chain).toHaveLength(5_001);
    expect(chain[0]).toBe(tag);
    expect(chain.at(-1)).toBe('ab');
  });

  it('selects through a long tag by prefix, most specific first', () => {
    const set = [
      t('SignIn', 'ab'),
      t('SignIn', 'ab-ab-ab'),
      t('Register'),
      t('ForgotPassword'),
      t('Generic'),
    ];
    expect(selectTemplate(set, 'SignIn', `${'ab-'.repeat(20_000)}cd`).subject).toBe(
      'SignIn ab-ab-ab',
    );
    expect(selectTemplate(set, 'SignIn', 'ab-AB-ab-zz').subject).toBe('SignIn ab-ab-ab');
    expect(selectTemplate(set, 'SignIn', 'ab-abx').subject).toBe('SignIn ab');
  });

  it('quotes no more of an unmatched locale than a tag can be', () => {
    const long = `zz-${'q'.repeat(10_000)}`;
    try {
      selectTemplate([t('SignIn')], 'Register', long);
      expect.unreachable();
    } catch (error) {
      expect((error as ConnectorError).code).toBe('template_not_found');
      expect((error as ConnectorError).message.length).toBeLessThan(200);
    }
  });
});
