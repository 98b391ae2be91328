import { compile } from 'html-to-text';
import { ConnectorError } from './connector-error.js';
import type { Template } from './template.js';
import { isVariablePath, placeholderPattern } from './template-variables.js';

export interface RenderedEmail {
  subject: string;
  /** Absent for `text/plain` templates. */
  html?: string;
  /** The plain-text part: the template itself for `text/plain`, derived from the HTML otherwise. */
  text: string;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEscapes[char]!);
}

let htmlToText: ((html: string) => string) | undefined;

// Compiled once: html-to-text builds its selector tables per call otherwise.
function toPlainText(html: string): string {
  htmlToText ??= compile({
    wordwrap: 80,
    selectors: [
      { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
  return htmlToText(html);
}

type Lookup = { found: true; value: unknown } | { found: false };

function lookup(payload: Record<string, unknown>, path: string): Lookup {
  let current: unknown = payload;
  for (const segment of path.split('.')) {
    // Own properties only: `{{constructor}}` or `{{__proto__}}` must not reach the prototype.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return { found: false };
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined || current === null
    ? { found: false }
    : { found: true, value: current };
}

function renderError(template: Template, message: string, hint: string): ConnectorError {
  const locale = template.locale ? ` (locale ${template.locale})` : '';
  return new ConnectorError(
    'invalid_request_parameters',
    `Cannot render the ${template.usageType} template${locale}: ${message}`,
    { hint },
  );
}

function valueToString(template: Template, path: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default: {
      const kind = Array.isArray(value)
        ? 'an array'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
      throw renderError(
        template,
        `the variable {{${path}}} is ${kind}, not a string, number or boolean.`,
        Array.isArray(value)
          ? `Use one element, e.g. {{${path}.0}}, or pass a string.`
          : `Use one of its properties, e.g. {{${path}.name}}, or pass a string.`,
      );
    }
  }
}

function substitute(
  template: Template,
  text: string,
  payload: Record<string, unknown>,
  encode: (value: string) => string,
): string {
  return text.replace(placeholderPattern, (_match, expression: string) => {
    if (!isVariablePath(expression)) {
      throw renderError(
        template,
        `the placeholder {{${expression.slice(0, 40)}}} is not a variable path.`,
        'Placeholders are variable paths such as {{code}}, {{user.name}} or {{items.0.name}}.',
      );
    }
    const result = lookup(payload, expression);
    if (!result.found) {
      throw renderError(
        template,
        `the variable {{${expression}}} is missing from the payload.`,
        `Pass payload.${expression} to sendMessage, or remove {{${expression}}} from the template.`,
      );
    }
    return encode(valueToString(template, expression, result.value));
  });
}

const identity = (value: string): string => value;

/**
 * Renders a template with a payload. Values are HTML-escaped in HTML content and never in
 * the subject; a variable the template uses but the payload lacks is an error, so no mail
 * ever leaves with a literal `{{code}}`.
 *
 * @throws ConnectorError `invalid_request_parameters`, naming the variable (never its value).
 */
export function renderTemplate(
  template: Template,
  payload: Record<string, unknown>,
): RenderedEmail {
  const subject = substitute(template, template.subject, payload, identity);
  if (/[\r\n]/.test(subject)) {
    // The rendered subject may carry the code: name the culprits, never the text.
    const culprits = [...template.subject.matchAll(placeholderPattern)]
      .map((match) => match[1] ?? '')
      .filter((path) => {
        const result = lookup(payload, path);
        return result.found && /[\r\n]/.test(String(result.value));
      });
    const where =
      culprits.length > 0
        ? `the variable${culprits.length > 1 ? 's' : ''} ${culprits.map((p) => `{{${p}}}`).join(', ')} contain${culprits.length > 1 ? '' : 's'} one`
        : 'the subject template itself contains one';
    throw renderError(
      template,
      `the rendered subject contains a line break (CR or LF), which could inject mail headers; ${where}.`,
      'Remove line breaks from the subject template and from the values used in it.',
    );
  }
  if (template.contentType === 'text/plain') {
    return { subject, text: substitute(template, template.content, payload, identity) };
  }
  const html = substitute(template, template.content, payload, escapeHtml);
  return { subject, html, text: toPlainText(html) };
}
