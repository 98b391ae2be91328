import { scrubSecrets } from '../secrets.js';

// Bounds for a walk over what a provider attached to its error: a cause chain is short, and a
// response object that big is not worth the time on the error path.
const maxDepth = 8;
const maxNodes = 500;

interface Walk {
  secrets: readonly string[];
  seen: Set<object>;
  nodes: number;
}

function isWalkable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Error || Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  // Plain data only: class instances (sockets, streams, SDK responses) are not walked into.
  return proto === Object.prototype || proto === null;
}

function scrubString(value: string, walk: Walk): string {
  return scrubSecrets(value, walk.secrets);
}

/** A scrubbed stand-in for an error or object that cannot be changed in place (frozen). */
function scrubbedCopy(value: object, walk: Walk, depth: number): object {
  const copy: object =
    value instanceof Error
      ? new Error(scrubString(value.message, walk))
      : Array.isArray(value)
        ? []
        : {};
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !('value' in descriptor)) continue;
    const scrubbed = scrubValue(descriptor.value, walk, depth + 1);
    Object.defineProperty(copy, key, { ...descriptor, value: scrubbed, writable: true });
  }
  return copy;
}

function scrubValue(value: unknown, walk: Walk, depth: number): unknown {
  if (typeof value === 'string') return scrubString(value, walk);
  if (!isWalkable(value) || depth > maxDepth || walk.seen.has(value)) return value;
  if (++walk.nodes > maxNodes) return value;
  walk.seen.add(value);
  return scrubInPlace(value, walk, depth) ? value : scrubbedCopy(value, walk, depth);
}

// Newer V8 keeps `stack` behind an accessor of its own, which is safe to read: pin the scrubbed
// text as a plain value, where inspect looks first.
function scrubStackAccessor(target: object, walk: Walk): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(target, 'stack');
  if (descriptor === undefined || 'value' in descriptor || !(target instanceof Error)) return true;
  const stack = target.stack;
  if (typeof stack !== 'string') return true;
  const scrubbed = scrubString(stack, walk);
  if (scrubbed === stack) return true;
  try {
    Object.defineProperty(target, 'stack', {
      value: scrubbed,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    return true;
  } catch {
    return false;
  }
}

/** False when some property held a secret and could not be rewritten. */
function scrubInPlace(target: object, walk: Walk, depth: number): boolean {
  let clean = scrubStackAccessor(target, walk);
  for (const key of Reflect.ownKeys(target)) {
    if (typeof key !== 'string') continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    // Accessors are left alone: calling a getter of an SDK object may have effects.
    if (descriptor === undefined || !('value' in descriptor)) continue;
    const next = scrubValue(descriptor.value, walk, depth + 1);
    if (next === descriptor.value) continue;
    try {
      if (descriptor.writable) (target as Record<string, unknown>)[key] = next;
      else Object.defineProperty(target, key, { value: next });
    } catch {
      clean = false;
    }
    if ((target as Record<string, unknown>)[key] !== next) clean = false;
  }
  return clean;
}

/**
 * Scrubs the secrets out of an error and everything it carries: its message, hint and stack,
 * and, down its `cause` chain, every string a provider put on its errors (an echoed request
 * body, an SMTP reply quoting DATA), hidden properties included, so `util.inspect(error,
 * { showHidden: true })` shows none. What cannot be changed in place (a frozen error) is
 * replaced on its parent by a scrubbed copy.
 */
export function scrubError<T extends object>(error: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return error;
  const walk: Walk = { secrets, seen: new Set([error]), nodes: 0 };
  scrubInPlace(error, walk, 0);
  return error;
}
