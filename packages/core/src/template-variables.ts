/** A `{{ variable }}` placeholder: `{{code}}`, `{{ user.name }}`, `{{items.0.name}}`. */
export const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

const pathPattern = /^[A-Za-z_$][\w$]*(\.[\w$]+)*$/;

export interface Placeholder {
  /** The text between the braces, trimmed. */
  expression: string;
  /** True when the expression is a dotted variable path. */
  valid: boolean;
}

/** Every placeholder of a template string, in order of appearance. */
export function placeholdersOf(text: string): Placeholder[] {
  return [...text.matchAll(placeholderPattern)].map((match) => {
    const expression = match[1] ?? '';
    return { expression, valid: pathPattern.test(expression) };
  });
}

/** The variables (dotted paths) a template string uses. */
export function variablesOf(text: string): string[] {
  return [...new Set(placeholdersOf(text).flatMap((p) => (p.valid ? [p.expression] : [])))];
}

export function isVariablePath(expression: string): boolean {
  return pathPattern.test(expression);
}
