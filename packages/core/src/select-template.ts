import { ConnectorError } from './connector-error.js';
import type { Template } from './template.js';
import type { UsageType } from './usage-types.js';

/**
 * The lookup chain of a BCP 47 tag, most specific first, lower-cased (RFC 4647 lookup):
 * `zh-Hant-TW` → `zh-hant-tw`, `zh-hant`, `zh`. A single-letter subtag (an extension or
 * private-use introducer) is dropped together with what follows it.
 */
export function localeFallbackChain(locale: string): string[] {
  const subtags = locale.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  const chain: string[] = [];
  while (subtags.length > 0) {
    chain.push(subtags.join('-'));
    subtags.pop();
    while (subtags.length > 1 && subtags[subtags.length - 1]!.length === 1) subtags.pop();
  }
  return chain;
}

function findFor(
  templates: readonly Template[],
  usageType: UsageType,
  chain: readonly string[],
): Template | undefined {
  const ofType = templates.filter((template) => template.usageType === usageType);
  for (const locale of chain) {
    const match = ofType.find((template) => template.locale?.toLowerCase() === locale);
    if (match) return match;
  }
  return ofType.find((template) => template.locale === undefined || template.locale === '');
}

/**
 * Picks the template for a usage type and an optional locale: the locale's fallback chain
 * (`zh-Hant-TW` → `zh-Hant` → `zh`) and then the template without a locale, first for the
 * usage type and then the same for `Generic`. Matching is case-insensitive.
 *
 * @throws ConnectorError `template_not_found` naming the usage type and locale.
 */
export function selectTemplate(
  templates: readonly Template[],
  usageType: UsageType,
  locale?: string,
): Template {
  const chain = locale ? localeFallbackChain(locale) : [];
  const found =
    findFor(templates, usageType, chain) ??
    (usageType === 'Generic' ? undefined : findFor(templates, 'Generic', chain));
  if (found) return found;
  const forLocale = locale ? ` and locale ${locale}` : '';
  throw new ConnectorError(
    'template_not_found',
    `No template for usage type ${usageType}${forLocale}, and no Generic template to fall back to.`,
    {
      hint: `Add a template with usageType "${usageType}" or "Generic"${
        locale
          ? ` and either locale "${locale}" (or a prefix of it) or no locale`
          : ' and no locale'
      }; a template without a locale serves every locale.`,
    },
  );
}
