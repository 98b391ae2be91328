import { createHash, createHmac } from 'node:crypto';

function encode(value: unknown, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // NaN and ±Infinity have no JSON form; a bare token keeps them apart from strings.
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Date) return `Date(${object.getTime()})`;
  if (seen.has(object)) return '"[circular]"';
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => encode(item, seen) ?? 'null').join(',')}]`;
    }
    const fields = Object.keys(object)
      .sort()
      .flatMap((key) => {
        const encoded = encode((object as Record<string, unknown>)[key], seen);
        return encoded === undefined ? [] : [`${JSON.stringify(key)}:${encoded}`];
      });
    return `{${fields.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}

/**
 * A stable text form of a JSON-like value: object keys sorted, `undefined` fields dropped,
 * numbers, bigints and strings kept apart. Equal messages give equal text whatever the key
 * order they were built with.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, new Set()) ?? 'undefined';
}

/**
 * Hex SHA-256 of a text, or HMAC-SHA-256 when a secret is given: a verification code has so
 * few values that a plain hash of a message holding it can be reversed by trying them all.
 */
export function createDigest(secret?: string): (text: string) => string {
  return secret === undefined
    ? (text) => createHash('sha256').update(text, 'utf8').digest('hex')
    : (text) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}
