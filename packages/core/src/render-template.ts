import { ConnectorError } from './connector-error.js';
import { plainTextPart } from './plain-text-part.js';
import type { Template } from './template.js';
import { isVariablePath, replacePlaceholders, scanPlaceholders } from './template-variables.js';

export interface RenderedEmail {
  subject: string;
  /** Absent for `text/plain` templates. */
  html?: string;
  /**
   * The plain-text part: the template itself for `text/plain`; otherwise the HTML as text (not
   * hard-wrapped), with each value as given rather than HTML-escaped.
   */
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

/** The raw value of a placeholder's expression; throws when it is no path or has no value. */
function resolve(template: Template, expression: string, payload: Record<string, unknown>): string {
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
  return valueToString(template, expression, result.value);
}

function substitute(
  template: Template,
  text: string,
  payload: Record<string, unknown>,
  encode: (value: string) => string,
): string {
  return replacePlaceholders(text, (expression) => encode(resolve(template, expression, payload)));
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
    const culprits = [...scanPlaceholders(template.subject)]
      .map((match) => match.expression)
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
  // Every placeholder of the content resolved above, so resolving again cannot throw.
  const text = plainTextPart(template, html, (path) => resolve(template, path, payload));
  return { subject, html, text };
}
