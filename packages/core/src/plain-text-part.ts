import { ConnectorError } from './connector-error.js';
import { htmlNestingDepth } from './html-nesting-depth.js';
import { maxHtmlNestingDepth } from './input-limits.js';
import { packageRequire } from './node-builtins.js';
import type { Template } from './template.js';
import { replacePlaceholders, scanPlaceholders } from './template-variables.js';

type Convert = (html: string) => string;

let convert: Convert | undefined;

function converter(): Convert {
  if (convert !== undefined) return convert;
  // Required on the first HTML render rather than imported: html-to-text and its parser are
  // ~40 modules (~50 ms) that a process importing core for its schemas, errors or CLI never
  // needs. A synchronous require works in both builds.
  const { compile } = packageRequire()('html-to-text') as typeof import('html-to-text');
  // Compiled once: html-to-text builds its selector tables per call otherwise. No hard wrap:
  // mail clients wrap text to their width, and values go into the cached text as typed (see
  // plainTextPart), which a wrap computed around placeholders could not honour.
  convert = compile({
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      // Its length follows wordwrap otherwise; 80 is what it was while the text was wrapped.
      { selector: 'hr', options: { length: 80 } },
      {
        selector: 'table',
        format: 'dataTable',
        options: { uppercaseHeaderCells: false, maxColumnWidth: Number.MAX_SAFE_INTEGER },
      },
    ],
  });
  return convert;
}

/** The plain-text rendering of an HTML document, as the text part of an email shows it. */
export function htmlToPlainText(html: string): string {
  return converter()(html);
}

/** The text of a template with its variables left open: `literals[i]`, `paths[i]`, …, last literal. */
interface TextPlan {
  readonly literals: readonly string[];
  readonly paths: readonly string[];
}

// Each variable becomes one private-use character (U+E000 + its index): a one-character word
// that html-to-text never splits, escapes, decodes or changes the case of. U+F8FF after it
// widens it for the table check. A template that uses these characters itself has no plan.
const firstToken = 0xe000;
const widener = '\uF8FF';
const markerPattern = /[\uE000-\uF8FF]/;
const tokenPattern = /([\uE000-\uF8FE])\uF8FF*/g;
const maxPaths = 0xf8ff - firstToken;
const tablePattern = /<table\b/i;
// Characters converted while planning a table template: ~150 ms of html-to-text, once.
const maxPlanningWork = 4_000_000;

function split(text: string, paths: readonly string[]): TextPlan | undefined {
  const literals: string[] = [];
  const used: string[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const path = paths[match[1]!.charCodeAt(0) - firstToken];
    if (path === undefined) return undefined;
    literals.push(text.slice(last, match.index));
    used.push(path);
    last = match.index + match[0].length;
  }
  literals.push(text.slice(last));
  return { literals, paths: used };
}

function samePlan(a: TextPlan, b: TextPlan): boolean {
  return (
    a.paths.length === b.paths.length &&
    a.paths.every((path, i) => path === b.paths[i]) &&
    a.literals.every((literal, i) => literal === b.literals[i])
  );
}

/**
 * The plan of an HTML template's text part, or undefined when the text cannot be filled in
 * afterwards and must be converted per render.
 */
function planOf(content: string): TextPlan | undefined {
  if (markerPattern.test(content)) return undefined;
  const paths: string[] = [];
  const indexes = new Map<string, number>();
  for (const { expression } of scanPlaceholders(content)) {
    if (!indexes.has(expression)) {
      indexes.set(expression, paths.length);
      paths.push(expression);
    }
  }
  if (paths.length > maxPaths) return undefined;
  const convertWith = (widened?: string, width = 0): TextPlan | undefined =>
    split(
      htmlToPlainText(
        replacePlaceholders(content, (expression) => {
          const token = String.fromCharCode(firstToken + indexes.get(expression)!);
          return expression === widened ? token + widener.repeat(width) : token;
        }),
      ),
      paths,
    );
  const plan = convertWith();
  if (plan === undefined || !tablePattern.test(content)) return plan;
  // The check below converts the template twice per variable: past a budget, converting each
  // render costs less than planning (and keeps the first render's work linear in the size).
  if ((2 * paths.length + 1) * content.length > maxPlanningWork) return undefined;
  // Table columns are padded to their widest line, so the width of a value can move the text
  // around it. Give one variable at a time the width 2 and a width beyond any line: the text
  // around the tokens is then the same for every width from 1 up (a padding is the difference
  // of a convex and a linear function of the width), or the template is converted per render.
  for (const path of paths) {
    for (const width of [1, content.length + 64]) {
      const widened = convertWith(path, width);
      if (widened === undefined || !samePlan(plan, widened)) return undefined;
    }
  }
  return plan;
}

interface CachedPlan {
  content: string;
  plan: TextPlan | undefined;
}

// Keyed by the template object: a connector keeps its parsed templates for its lifetime, and
// an entry goes away with its template. The content is compared in case the object changed.
const plans = new WeakMap<Template, CachedPlan>();

/**
 * The plain-text part of an HTML template rendered with a payload. html-to-text runs once per
 * template (on its first render) with each placeholder replaced by a token, and each render
 * fills the raw values into that text, which costs next to nothing where converting the
 * rendered HTML costs ~0.7 ms for a 20 KB template.
 *
 * The result equals converting the rendered HTML, except that a value appears exactly as
 * given: html-to-text would collapse whitespace (line breaks, runs of spaces, tabs) inside it
 * and trim it at the edges of a block; the text part keeps what the caller passed, which is
 * what a plain-text reader should see. (So an empty or blank value can also leave behind what
 * surrounds it, e.g. `> ` on an otherwise empty quoted line, or a link's URL in brackets where
 * an empty link text would have shown the bare URL.) Templates whose text layout depends on
 * the width of a value (a placeholder in a table column padded to its widest line) are
 * converted per render, as before.
 *
 * @param template the template the HTML was rendered from (all its placeholders resolved)
 * @param html the rendered HTML, converted directly when the template has no plan
 * @param rawValue the raw (unescaped) value of a variable path the template uses
 */
export function plainTextPart(
  template: Template,
  html: string,
  rawValue: (path: string) => string,
): string {
  let cached = plans.get(template);
  if (cached === undefined || cached.content !== template.content) {
    // templateSchema refuses such templates; renderTemplate may be called with any object.
    if (htmlNestingDepth(template.content, maxHtmlNestingDepth) > maxHtmlNestingDepth) {
      throw new ConnectorError(
        'invalid_config',
        `The ${template.usageType} template nests HTML elements more than ${maxHtmlNestingDepth} deep, which cannot be converted to a text part.`,
        { hint: 'Flatten the layout of the template (are closing tags missing?).' },
      );
    }
    cached = { content: template.content, plan: planOf(template.content) };
    plans.set(template, cached);
  }
  const { plan } = cached;
  if (plan === undefined) return htmlToPlainText(html);
  const { literals, paths } = plan;
  let text = literals[0]!;
  for (let i = 0; i < paths.length; i++) text += rawValue(paths[i]!) + literals[i + 1]!;
  return text;
}
