/** Where a harness secret sits in `validConfig`: `['apiKey']`, or `['auth', 'pass']` when nested. */
export interface SecretLocation {
  /** Index in `harness.secrets`. */
  index: number;
  path: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds each secret value among the string fields of a config, at any depth of nested objects
 * (SMTP's `auth: { user, pass }`, not only SES's top-level `accessKeySecret`). A secret found
 * nowhere gets no location.
 */
export function locateSecrets(config: object, secrets: readonly string[]): SecretLocation[] {
  const locations: SecretLocation[] = [];
  const visit = (value: unknown, path: string[], depth: number): void => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      const index = secrets.indexOf(value);
      if (index !== -1) locations.push({ index, path });
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key], depth + 1);
  };
  visit(config, [], 0);
  return locations;
}

/**
 * The override that puts `value` at `path` of `config`, for the harness's shallow merge: the
 * top-level key with a copy of its object, changed at the nested path.
 */
export function overrideAt(
  config: object,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) throw new RangeError('overrideAt needs a non-empty path.');
  if (rest.length === 0) return { [head]: value };
  const child = (config as Record<string, unknown>)[head];
  return {
    [head]: {
      ...(isRecord(child) ? child : {}),
      ...overrideAt(isRecord(child) ? child : {}, rest, value),
    },
  };
}

/**
 * The form item that edits a config path: the item keyed by the path itself (`auth.pass`), else
 * by its nearest ancestor (`auth`, a JSON field holding `{ user, pass }`).
 */
export function formItemKeyFor(
  path: readonly string[],
  keys: readonly string[],
): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const key = path.slice(0, length).join('.');
    if (keys.includes(key)) return key;
  }
  return undefined;
}
