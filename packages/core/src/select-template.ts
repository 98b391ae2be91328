import { ConnectorError } from './connector-error.js';
import { maxLocaleLength } from './locale-tag.js';
import type { Template } from './template.js';
import type { UsageType } from './usage-types.js';

/**
 * The end offsets of the lookup chain's entries in a normalised tag, most specific first: a
 * subtag boundary, except one that would leave a single-letter subtag (an extension or
 * private-use introducer) last. One pass over the tag, so the work is linear in its length.
 */
function chainEnds(normalized: string): number[] {
  const ends: number[] = [];
  let end = normalized.length;
  while (end > 0) {
    ends.push(end);
    let cut = normalized.lastIndexOf('-', end - 1);
    // Drop a trailing singleton together with its subtag (`de-de-u-co` → `de-de`).
    while (cut > 0) {
      const previous = normalized.lastIndexOf('-', cut - 1);
      if (previous === -1 || cut - previous - 1 !== 1) break;
      cut = previous;
    }
    end = cut;
  }
  return ends;
}

function normalizeLocale(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean).join('-');
}

/**
 * The lookup chain of a BCP 47 tag, most specific first, lower-cased (RFC 4647 lookup):
 * `zh-Hant-TW` → `zh-hant-tw`, `zh-hant`, `zh`. A single-letter subtag (an extension or
 * private-use introducer) is dropped together with what follows it.
 */
export function localeFallbackChain(locale: string): string[] {
  const normalized = normalizeLocale(locale);
  return chainEnds(normalized).map((end) => normalized.slice(0, end));
}

/**
 * The template of a usage type whose locale comes first in the chain of `normalized`, else
 * its template without a locale. A template's locale matches when it is the prefix of the tag
 * up to one of the chain's ends, so no chain entry is ever built: linear in the tag and the
 * templates.
 */
function findFor(
  templates: readonly Template[],
  usageType: UsageType,
  normalized: string,
): Template | undefined {
  const ends = normalized === '' ? [] : chainEnds(normalized);
  let best: Template | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  let fallback: Template | undefined;
  for (const template of templates) {
    if (template.usageType !== usageType) continue;
    const own = template.locale;
    if (own === undefined || own === '') {
      fallback ??= template;
      continue;
    }
    if (own.length > normalized.length || ends.length === 0) continue;
    const rank = ends.indexOf(own.length);
    if (rank === -1 || rank >= bestRank) continue;
    if (normalized.startsWith(own.toLowerCase())) {
      best = template;
      bestRank = rank;
    }
  }
  return best ?? fallback;
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
  const normalized = locale ? normalizeLocale(locale) : '';
  const found =
    findFor(templates, usageType, normalized) ??
    (usageType === 'Generic' ? undefined : findFor(templates, 'Generic', normalized));
  if (found) return found;
  // Called directly, the locale is unvalidated: quote no more of it than a tag can be.
  const shown =
    locale && locale.length > maxLocaleLength ? `${locale.slice(0, maxLocaleLength)}…` : locale;
  const forLocale = shown ? ` and locale ${shown}` : '';
  throw new ConnectorError(
    'template_not_found',
    `No template for usage type ${usageType}${forLocale}, and no Generic template to fall back to.`,
    {
      hint: `Add a template with usageType "${usageType}" or "Generic"${
        locale ? ` and either locale "${shown}" (or a prefix of it) or no locale` : ' and no locale'
      }; a template without a locale serves every locale.`,
    },
  );
}
