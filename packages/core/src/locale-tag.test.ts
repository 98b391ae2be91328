import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocaleTag, localeTagProblem, localeTagSchema, maxLocaleLength } from './locale-tag.js';

describe('isLocaleTag', () => {
  it.each([
    'en',
    'de-AT',
    'zh-Hant-TW',
    'sr-Latn-RS',
    'es-419',
    'zh-yue-HK',
    'sl-rozaj-biske',
    'de-DE-u-co-phonebk',
    'en-US-x-twain',
    'x-private',
    'i-klingon',
    'en-GB-oed',
    'EN-us',
  ])('accepts %s', (tag) => {
    expect(isLocaleTag(tag)).toBe(true);
  });

  it.each([
    '',
    'e',
    'en-',
    '-en',
    'en--US',
    'en_US',
    'en US',
    'en-US,en;q=0.9',
    'toolonglanguage',
    'abcd',
    'de-u',
    'en-x',
    'sl-rozaj-rozaj',
    'de-a-bc-a-de',
    'en-US\r\nBcc: x@y.z',
    'é',
  ])('rejects %j', (tag) => {
    expect(isLocaleTag(tag)).toBe(false);
  });

  it('accepts underscores only when asked (payload locales, as POSIX writes them)', () => {
    expect(isLocaleTag('zh_CN')).toBe(false);
    expect(isLocaleTag('zh_CN', { allowUnderscore: true })).toBe(true);
  });

  it(`caps a tag at ${maxLocaleLength} characters and says so without repeating it`, () => {
    const long = `${'ab-'.repeat(25_000)}cd`;
    const problem = localeTagProblem(long);
    expect(problem).toContain(`maximum is ${maxLocaleLength}`);
    expect(problem).not.toContain('ab-ab');
    const atCap = 'en-US-x-abcdefgh-abcdefgh-abcdefg-a';
    expect(atCap).toHaveLength(maxLocaleLength);
    expect(isLocaleTag(atCap)).toBe(true);
    expect(isLocaleTag(`${atCap}b`)).toBe(false);
  });

  it('agrees with Intl on well-formed tags it accepts (no Intl error)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$/),
        (tag) => {
          expect(isLocaleTag(tag)).toBe(true);
          expect(() => Intl.getCanonicalLocales(tag)).not.toThrow();
        },
      ),
    );
  });

  it('never throws, and accepts only short tags of letters, digits and "-"', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[a-zA-Z0-9_-]{0,40}$/)),
        (text) => {
          if (isLocaleTag(text, { allowUnderscore: true })) {
            expect(text.length).toBeLessThanOrEqual(maxLocaleLength);
            expect(text).toMatch(/^[A-Za-z0-9]+([-_][A-Za-z0-9]+)*$/);
          }
        },
      ),
    );
  });
});

describe('localeTagSchema', () => {
  it('reports the problem as a zod issue', () => {
    const result = localeTagSchema().safeParse('not a locale');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^locale must be one BCP 47 language tag/);
  });
});
