import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintTemplates } from './lint-templates.js';
import { renderTemplate } from './render-template.js';
import { placeholdersOf, replacePlaceholders, scanPlaceholders } from './template-variables.js';

// The pattern the scan replaced, for the equivalence check (on short inputs only).
const formerPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

describe('scanPlaceholders', () => {
  it('finds what the former pattern found, at the same offsets', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('{', '}', ' ', '\t', '\n', 'a', '.', '0', '\u00a0'),
          maxLength: 30,
        }),
        (text) => {
          const expected = [...text.matchAll(formerPattern)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            expression: m[1],
          }));
          expect([...scanPlaceholders(text)]).toEqual(expected);
          expect(replacePlaceholders(text, (e) => `<${e}>`)).toBe(
            text.replace(formerPattern, (_m, e: string) => `<${e}>`),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the inner placeholder of triple braces and trims', () => {
    expect(placeholdersOf('{{{code}}} {{ user.name }}')).toEqual([
      { expression: 'code', valid: true },
      { expression: 'user.name', valid: true },
    ]);
  });

  // Regression: the former pattern backtracked quadratically on an unclosed `{{` followed by
  // white space; at this size that took minutes, so the test timed out before the fix.
  const unclosed = `{{${' '.repeat(200_000)}`;
  const manyUnclosed = `{{ a ${'{{ '.repeat(50_000)}`;

  it('scans an unclosed placeholder followed by 200 000 spaces in one pass', () => {
    expect(placeholdersOf(unclosed)).toEqual([]);
    expect(placeholdersOf(manyUnclosed)).toEqual([]);
    expect(placeholdersOf(`${unclosed}{{code}}`)).toEqual([{ expression: 'code', valid: true }]);
  });

  it('renders and lints such a template without backtracking', () => {
    const template = {
      usageType: 'Generic' as const,
      subject: `Code ${unclosed}`,
      content: `<p>{{code}}${unclosed}</p>`,
    };
    expect(renderTemplate(template, { code: '123456' }).html).toContain('123456');
    expect(lintTemplates([template])).toEqual([]);
  });
});
