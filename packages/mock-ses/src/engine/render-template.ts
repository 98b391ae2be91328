/**
 * SES templates are Handlebars. The mock renders the part tests rely on: `{{name}}`,
 * `{{{name}}}` and dotted paths (`{{user.name}}`), values inserted as they are (SES does not
 * HTML-escape replacement data). Block helpers (`{{#if}}`, `{{#each}}`) are not interpreted.
 */
const PLACEHOLDER = /\{\{\{?\s*([A-Za-z0-9_$][\w$-]*(?:\.[\w$-]+)*)\s*\}?\}\}/g;

function lookup(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export interface RenderResult {
  output: string;
  /** Referenced paths with no value in the data. */
  missing: string[];
}

export function renderTemplate(source: string, data: unknown): RenderResult {
  const missing: string[] = [];
  const output = source.replace(PLACEHOLDER, (_match, path: string) => {
    const value = lookup(data, path);
    if (value === undefined || value === null) {
      missing.push(path);
      return '';
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
  return { output, missing };
}
