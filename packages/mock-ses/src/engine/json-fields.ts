import { badRequest } from './ses-error.js';

/** A JSON object as received: fields are checked where they are read, with SES's messages. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const wrongType = (path: string, expected: string) =>
  badRequest(
    `1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be ${expected}`,
  );

export function optionalString(
  obj: JsonObject | undefined,
  key: string,
  path = key,
): string | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(path, 'a string');
  return value;
}

export function optionalObject(
  obj: JsonObject | undefined,
  key: string,
  path = key,
): JsonObject | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(path, 'a structure');
  return value;
}

export function optionalArray(
  obj: JsonObject | undefined,
  key: string,
  path = key,
): unknown[] | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(path, 'a list');
  return value;
}

export function stringList(obj: JsonObject | undefined, key: string, path = key): string[] {
  return (optionalArray(obj, key, path) ?? []).map((v, i) => {
    if (typeof v !== 'string') throw wrongType(`${path}.${i + 1}`, 'a string');
    return v;
  });
}

export function optionalBoolean(
  obj: JsonObject | undefined,
  key: string,
  path = key,
): boolean | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(path, 'a boolean');
  return value;
}

/** `[{Name, Value}]` (message tags and headers). */
export function nameValueList(
  obj: JsonObject | undefined,
  key: string,
  path = key,
): { name: string; value: string }[] {
  return (optionalArray(obj, key, path) ?? []).map((item, i) => {
    const entry = isObject(item) ? item : {};
    const name = optionalString(entry, 'Name', `${path}.${i + 1}.member.name`);
    const value = optionalString(entry, 'Value', `${path}.${i + 1}.member.value`);
    if (name === undefined || value === undefined) {
      throw badRequest(
        `1 validation error detected: Value null at '${path}.${i + 1}.member.${name === undefined ? 'name' : 'value'}' failed to satisfy constraint: Member must not be null`,
      );
    }
    return { name, value };
  });
}

/** `[{Key, Value}]` (resource tags). */
export function tagList(
  obj: JsonObject | undefined,
  key = 'Tags',
): { Key: string; Value: string }[] {
  return (optionalArray(obj, key) ?? []).flatMap((item) =>
    isObject(item) && typeof item.Key === 'string'
      ? [{ Key: item.Key, Value: typeof item.Value === 'string' ? item.Value : '' }]
      : [],
  );
}

export function optionalNumber(
  obj: JsonObject | undefined,
  key: string,
  path = key,
): number | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(path, 'a number');
  return value;
}
