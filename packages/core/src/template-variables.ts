/** One `{{ variable }}` placeholder found in a template string. */
export interface PlaceholderMatch {
  /** Offset of the opening `{{`. */
  start: number;
  /** Offset just after the closing `}}`. */
  end: number;
  /** The text between the braces, trimmed. */
  expression: string;
}

/**
 * Every `{{ … }}` placeholder of a text, in order: `{{` then text without braces then `}}`
 * (`{{code}}`, `{{ user.name }}`; in `{{{code}}}` the inner one). A hand-written scan rather
 * than a regular expression: each character is looked at a bounded number of times, so a
 * template like `{{` followed by thousands of spaces and no `}}` costs linear time (the former
 * pattern `\{\{\s*([^{}]*?)\s*\}\}` backtracked quadratically on it).
 */
export function* scanPlaceholders(text: string): Generator<PlaceholderMatch> {
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start === -1) return;
    let cursor = start + 2;
    while (cursor < text.length) {
      const char = text.charCodeAt(cursor);
      if (char === 0x7b || char === 0x7d) break; // `{` or `}`
      cursor++;
    }
    if (text.charCodeAt(cursor) === 0x7d && text.charCodeAt(cursor + 1) === 0x7d) {
      yield { start, end: cursor + 2, expression: text.slice(start + 2, cursor).trim() };
      from = cursor + 2;
    } else {
      // No `}}` before the next brace: a placeholder can only start at a later `{{`, and the
      // scan resumes there (a brace at `cursor` is where the next `{{` may begin).
      from = cursor === start + 2 ? start + 1 : cursor;
    }
  }
}

/** `text` with each placeholder replaced by `replacement(expression)`; one linear pass. */
export function replacePlaceholders(
  text: string,
  replacement: (expression: string) => string,
): string {
  let out = '';
  let last = 0;
  for (const match of scanPlaceholders(text)) {
    out += text.slice(last, match.start) + replacement(match.expression);
    last = match.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

// Anchored, and each repeated group starts with a character the one before cannot match: no
// backtracking beyond one step.
const pathPattern = /^[A-Za-z_$][\w$]*(\.[\w$]+)*$/;

export interface Placeholder {
  /** The text between the braces, trimmed. */
  expression: string;
  /** True when the expression is a dotted variable path. */
  valid: boolean;
}

/** Every placeholder of a template string, in order of appearance. */
export function placeholdersOf(text: string): Placeholder[] {
  return [...scanPlaceholders(text)].map(({ expression }) => ({
    expression,
    valid: pathPattern.test(expression),
  }));
}

/** The variables (dotted paths) a template string uses. */
export function variablesOf(text: string): string[] {
  return [...new Set(placeholdersOf(text).flatMap((p) => (p.valid ? [p.expression] : [])))];
}

export function isVariablePath(expression: string): boolean {
  return pathPattern.test(expression);
}
