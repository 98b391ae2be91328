import type { z } from 'zod';
import { unwrapLazySchema } from './lazy-schema.js';
import { zodModule } from './zod-runtime.js';

/** What a secret value is replaced with in inspect output, JSON, events and error messages. */
export const redacted = '[redacted]';

/**
 * Marks a config field secret: it is redacted from `util.inspect`, `JSON.stringify` and
 * error messages, and its form item gets `secret: true`.
 *
 * ```ts
 * z.object({ accessKeyId: z.string(), secretAccessKey: secret(z.string().min(1)) })
 * ```
 *
 * The mark is zod metadata (`.meta({ secret: true })`) in zod's global registry, which is shared
 * by every copy of zod and of this package, so `z.string().meta({ secret: true })` works too.
 */
export function secret<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema.meta({ ...(schema.meta() ?? {}), secret: true }) as Schema;
}

/** True when this schema (not its children) is marked secret. */
export function isSecretSchema(schema: z.ZodType): boolean {
  return zodModule().globalRegistry.get(unwrapLazySchema(schema))?.secret === true;
}

interface SchemaDef {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

const wrapperTypes = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
  'success',
  'lazy',
]);

// Walks through optional/default/pipe/... wrappers, noticing a secret mark on any layer.
function unwrap(schema: z.ZodType): { core: z.ZodType; secret: boolean } {
  let current = schema;
  let isSecret = isSecretSchema(current);
  for (let depth = 0; depth < 16; depth++) {
    const def = defOf(current);
    let next: z.ZodType | undefined;
    if (def.type === 'pipe') next = def.in?._zod.def.type === 'transform' ? def.out : def.in;
    else if (def.type === 'lazy') next = undefined;
    else if (def.type && wrapperTypes.has(def.type)) next = def.innerType;
    if (!next) break;
    current = next;
    isSecret ||= isSecretSchema(current);
  }
  return { core: current, secret: isSecret };
}

/**
 * The dotted paths of the secret fields of an object schema, nested objects included:
 * `['secretAccessKey', 'credentials.sessionToken']`.
 */
export function secretFieldsOf(schema: z.ZodType): string[] {
  const paths: string[] = [];
  const visit = (node: z.ZodType, prefix: string, depth: number): void => {
    if (depth > 8) return;
    const { core, secret: isSecret } = unwrap(node);
    if (isSecret && prefix !== '') {
      paths.push(prefix);
      return;
    }
    const def = defOf(core);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        visit(child, prefix === '' ? key : `${prefix}.${key}`, depth + 1);
      }
    }
  };
  visit(schema, '', 0);
  return paths;
}

function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  if (typeof value !== 'object' || value === null) return [];
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(value, head)) return [];
  return valuesAt((value as Record<string, unknown>)[head], rest);
}

/** The string values a config holds in secret fields (for scrubbing them out of messages). */
export function secretValuesOf(config: unknown, schema: z.ZodType): string[] {
  const values = secretFieldsOf(schema).flatMap((path) => valuesAt(config, path.split('.')));
  return values.flatMap((value) =>
    typeof value === 'string' && value !== ''
      ? [value]
      : typeof value === 'number' || typeof value === 'bigint'
        ? [String(value)]
        : [],
  );
}

function redactAt(value: unknown, path: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(value, head)) return value;
  const record = value as Record<string, unknown>;
  const child = record[head];
  if (rest.length === 0) {
    return child === undefined ? value : { ...record, [head]: redacted };
  }
  return { ...record, [head]: redactAt(child, rest) };
}

/**
 * A copy of a config with every secret field (per `schema`) replaced by `[redacted]`.
 * The input is not modified.
 */
export function redactConfig<T>(config: T, schema: z.ZodType): T {
  let result: unknown = config;
  for (const path of secretFieldsOf(schema)) result = redactAt(result, path.split('.'));
  return result as T;
}

// Compiled on first use: parsing a Unicode property class costs an import ~0.5 ms.
let wordCharPattern: RegExp | undefined;
const isWordChar = (char: string): boolean => {
  wordCharPattern ??= /^[\p{L}\p{N}_]$/u;
  return wordCharPattern.test(char);
};

/** The code point that ends just before `index`, as a string ('' at the start). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

/** The code point that starts at `index`, as a string ('' at the end). */
function charAt(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? '' : String.fromCodePoint(point);
}

// A secret is a token: it is replaced where it stands whole, not where its characters happen to
// sit inside a longer word. Otherwise a one-letter secret `x` would turn "unexpectedly" into
// "une[redacted]pectedly", garbling every message and showing, by position, what it is.
// Matched with indexOf rather than a regular expression built from the secret: a long secret
// (a 75 KB code) would make an invalid or huge pattern, and the scrubbing itself would throw.
function tokenMatches(text: string, secret: string, found: Map<number, number>): void {
  const guardBefore = isWordChar(charAt(secret, 0));
  const guardAfter = isWordChar(charBefore(secret, secret.length));
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    if (guardBefore && isWordChar(charBefore(text, at))) continue;
    if (guardAfter && isWordChar(charAt(text, at + secret.length))) continue;
    // Longest first: a shorter secret at the same offset loses, as in an alternation.
    if (!found.has(at)) found.set(at, secret.length);
  }
}

/** The secrets worth scrubbing: strings with something besides whitespace, longest first. */
function scrubbable(secrets: Iterable<string>): string[] {
  const list = [...new Set(secrets)].filter((s) => typeof s === 'string' && s.trim() !== '');
  return list.sort((a, b) => b.length - a.length);
}

/**
 * Removes every occurrence of each secret from a text, longest first (so a secret that contains
 * another is removed whole). A secret is matched as a token: where it is not glued to further
 * letters or digits on a side that is itself a letter or digit (`x` is scrubbed from "key: x",
 * not from "unexpectedly"). Blank secrets (empty or whitespace) are ignored: they would match
 * every space and say nothing when shown.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  const list = scrubbable(secrets);
  if (list.length === 0) return text;
  const found = new Map<number, number>();
  for (const secret of list) tokenMatches(text, secret, found);
  if (found.size === 0) return text;
  // Leftmost first, then the longest at that offset; a match inside a replaced one is skipped.
  let out = '';
  let last = 0;
  for (const at of [...found.keys()].sort((x, y) => x - y)) {
    if (at < last) continue;
    out += text.slice(last, at) + redacted;
    last = at + found.get(at)!;
  }
  return out + text.slice(last);
}
