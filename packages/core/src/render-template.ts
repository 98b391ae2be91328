import { ConnectorError } from './connector-error.js';
import { decodeEncodedWords, hasEncodedWord, hasUnsafeHeaderCharacter } from './encoded-words.js';
import { maxRenderedLength, maxSubjectLength } from './input-limits.js';
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
  part: 'subject' | 'content',
): string {
  const max = part === 'subject' ? maxSubjectLength : maxRenderedLength;
  // Counted while substituting, so a value repeated in a large template fails before the
  // text is built.
  let length = text.length;
  return replacePlaceholders(text, (expression) => {
    const value = encode(resolve(template, expression, payload));
    length += value.length;
    if (length > max) {
      throw renderError(
        template,
        `the rendered ${part} would be longer than ${max} characters.`,
        part === 'subject'
          ? 'Use shorter values in the subject.'
          : 'Use shorter values, or fewer placeholders for long ones.',
      );
    }
    return value;
  });
}

const identity = (value: string): string => value;

/**
 * The rendered subject as a reader will show it. Values may carry RFC 2047 encoded-words
 * (`=?UTF-8?B?DQpCY2M6IHhAeS56?=` decodes to CR LF "Bcc: x@y.z"); they are treated as display
 * names are (see parseMailbox): decoded, and refused when the decoded text has a line break or
 * a control character. The decoded text is what is sent (the transport encodes it again as
 * needed), and text that would still decode further is refused, so no reader can decode the
 * subject into something other than what was checked.
 */
function renderSubject(template: Template, payload: Record<string, unknown>): string {
  const raw = substitute(template, template.subject, payload, identity, 'subject');
  const subject = decodeEncodedWords(raw);
  if (hasUnsafeHeaderCharacter(raw) || hasUnsafeHeaderCharacter(subject)) {
    // The rendered subject may carry the code: name the culprits, never the text.
    const culprits = [...scanPlaceholders(template.subject)]
      .map((match) => match.expression)
      .filter((path, index, all) => all.indexOf(path) === index)
      .filter((path) => {
        const result = lookup(payload, path);
        if (!result.found) return false;
        const value = String(result.value);
        return (
          hasUnsafeHeaderCharacter(value) || hasUnsafeHeaderCharacter(decodeEncodedWords(value))
        );
      });
    const where =
      culprits.length > 0
        ? `the variable${culprits.length > 1 ? 's' : ''} ${culprits.map((p) => `{{${p}}}`).join(', ')} contain${culprits.length > 1 ? '' : 's'} one`
        : 'the subject template itself contains one';
    throw renderError(
      template,
      `the rendered subject contains a line break (CR or LF) or a control character, also when RFC 2047 encoded-words in it are decoded, which could inject mail headers; ${where}.`,
      'Remove line breaks, control characters and encoded-words (=?charset?B?…?=) from the subject template and from the values used in it.',
    );
  }
  if (hasEncodedWord(subject)) {
    throw renderError(
      template,
      'the rendered subject contains an RFC 2047 encoded-word (=?charset?…?=) that does not decode to plain text (an unknown charset, invalid data or a nested encoding).',
      'Pass subject values as plain text; the connector encodes the subject itself.',
    );
  }
  return subject;
}

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
  const subject = renderSubject(template, payload);
  if (template.contentType === 'text/plain') {
    return { subject, text: substitute(template, template.content, payload, identity, 'content') };
  }
  const html = substitute(template, template.content, payload, escapeHtml, 'content');
  // Every placeholder of the content resolved above, so resolving again cannot throw.
  const text = plainTextPart(template, html, (path) => resolve(template, path, payload));
  return { subject, html, text };
}
