/** How far down `cause` the helpers look: wrappers rarely nest deeper, and a cycle must end. */
export const maxCauseDepth = 4;

/** The error and its causes, outermost first (at most `depth` of them; a cycle ends the walk). */
export function causeChain(error: unknown, depth: number = maxCauseDepth): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (chain.length < depth && typeof current === 'object' && current !== null) {
    if (chain.includes(current)) break;
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** A non-empty string, else undefined: SDK error fields are `unknown` until looked at. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A field of an unknown value, when it is an object that has it. */
export function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Every string code on the error and its causes, outermost first. Node puts the errno on the
 * error (`code`), undici and many wrappers on its cause; nodemailer keeps the system's as
 * `originalCode`. Pass the fields a provider's errors use.
 */
export function codesInChain(
  error: unknown,
  fields: readonly string[] = ['code'],
  depth: number = maxCauseDepth,
): string[] {
  const codes: string[] = [];
  for (const link of causeChain(error, depth)) {
    for (const field of fields) {
      const code = textOf(fieldOf(link, field));
      if (code !== undefined) codes.push(code);
    }
  }
  return codes;
}
