import { zod } from './zod-runtime.js';

/**
 * The longest locale accepted, in characters. RFC 5646 §4.4.1 asks implementations to handle
 * at least 35: every tag made of a language, extended language, script, region and variant
 * fits. Longer tags only add extensions or private use, which template selection drops anyway.
 * The cap keeps every locale operation linear in a small bound, whatever a caller forwards
 * (e.g. a raw `Accept-Language` header).
 */
export const maxLocaleLength = 35;

export interface LocaleTagOptions {
  /** Accept `_` as a subtag separator (`zh_CN`, as POSIX and Java write it). Default false. */
  allowUnderscore?: boolean;
}

const alpha = /^[A-Za-z]+$/;
const digits = /^[0-9]+$/;
const alphanum = /^[A-Za-z0-9]+$/;

// RFC 5646 §2.2.8: irregular grandfathered tags do not follow the grammar; regular ones do.
const irregularTags = new Set([
  'en-gb-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-be-fr',
  'sgn-be-nl',
  'sgn-ch-de',
]);

const isAlpha = (s: string, min: number, max: number) =>
  s.length >= min && s.length <= max && alpha.test(s);
const isAlphanum = (s: string, min: number, max: number) =>
  s.length >= min && s.length <= max && alphanum.test(s);
const isVariant = (s: string) =>
  isAlphanum(s, 5, 8) || (s.length === 4 && digits.test(s[0]!) && alphanum.test(s));
const isRegion = (s: string) => isAlpha(s, 2, 2) || (s.length === 3 && digits.test(s));

/** Checks the RFC 5646 `langtag` grammar subtag by subtag: one pass, no backtracking. */
function isLangtag(subtags: readonly string[]): boolean {
  let i = 0;
  const at = () => subtags[i] ?? '';
  const language = at();
  if (language.toLowerCase() === 'x') return isPrivateUse(subtags, i);
  // 4ALPHA is reserved (RFC 5646 §2.2.1) and Intl refuses it.
  if (!isAlpha(language, 2, 8) || language.length === 4) return false;
  i++;
  if (language.length <= 3) {
    for (let extlangs = 0; extlangs < 3 && isAlpha(at(), 3, 3); extlangs++) i++;
  }
  if (isAlpha(at(), 4, 4)) i++;
  if (isRegion(at())) i++;
  const variants = new Set<string>();
  while (i < subtags.length && isVariant(at())) {
    // RFC 5646 §2.2.5: the same variant must not appear twice.
    if (variants.has(at().toLowerCase())) return false;
    variants.add(at().toLowerCase());
    i++;
  }
  const singletons = new Set<string>();
  while (i < subtags.length && at().length === 1 && at().toLowerCase() !== 'x') {
    const singleton = at().toLowerCase();
    if (!alphanum.test(singleton) || singletons.has(singleton)) return false;
    singletons.add(singleton);
    i++;
    const start = i;
    while (i < subtags.length && isAlphanum(at(), 2, 8)) i++;
    if (i === start) return false;
  }
  if (i < subtags.length && at().toLowerCase() === 'x') return isPrivateUse(subtags, i);
  return i === subtags.length;
}

function isPrivateUse(subtags: readonly string[], start: number): boolean {
  if (start + 1 >= subtags.length) return false;
  for (let i = start + 1; i < subtags.length; i++) {
    if (!isAlphanum(subtags[i]!, 1, 8)) return false;
  }
  return true;
}

/** Why `value` is not an accepted locale, or undefined when it is one. */
export function localeTagProblem(
  value: unknown,
  options: LocaleTagOptions = {},
): string | undefined {
  if (typeof value !== 'string') return 'must be a string such as en or zh-Hant-TW';
  if (value.length > maxLocaleLength) {
    return `is ${value.length} characters long; the maximum is ${maxLocaleLength} (pass one language tag such as en or zh-Hant-TW, not an Accept-Language header)`;
  }
  const tag = options.allowUnderscore ? value.replace(/_/g, '-') : value;
  const subtags = tag.split('-');
  if (irregularTags.has(tag.toLowerCase()) || isLangtag(subtags)) return undefined;
  return 'must be one BCP 47 language tag such as en or zh-Hant-TW (letters and digits in subtags joined by "-")';
}

/** True when `value` is a BCP 47 (RFC 5646) language tag of at most `maxLocaleLength` characters. */
export function isLocaleTag(value: unknown, options: LocaleTagOptions = {}): value is string {
  return localeTagProblem(value, options) === undefined;
}

/** A zod string that must be a locale tag; the message says what is wrong, never repeating it. */
export function localeTagSchema(options: LocaleTagOptions = {}) {
  return zod()
    .string()
    .superRefine((value, ctx) => {
      const problem = localeTagProblem(value, options);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `locale ${problem}` });
    });
}
