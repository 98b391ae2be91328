// Node built-ins that run only on a later path (a first schema use, an inspect, a backoff),
// fetched when first needed: an ES module `import` of `node:util`, `node:module` or
// `node:timers/promises` costs every import of this package ~0.4 ms each (the ESM facade
// loads all of the module's lazy parts). `process.getBuiltinModule` is Node ≥ 20.16.

/**
 * A `require` that resolves from this package's dist/. The ESM build has `import.meta.resolve`
 * (Node ≥ 20.6) and its URL; in the CJS build tsup leaves `import.meta` without `resolve`, and
 * `__filename` is the module's own. (`__filename` is not tested for in the ESM build: there it
 * may be a global, e.g. `[eval]` under `node -e`.)
 */
export function packageRequire(): NodeJS.Require {
  const meta = import.meta as { url?: string; resolve?: unknown };
  const base = typeof meta.resolve === 'function' && meta.url ? meta.url : __filename;
  return process.getBuiltinModule('node:module').createRequire(base);
}

/** `node:util`'s `inspect`. */
export const inspect: typeof import('node:util').inspect = ((
  ...args: Parameters<typeof import('node:util').inspect>
) => process.getBuiltinModule('node:util').inspect(...args)) as typeof import('node:util').inspect;

/** `node:timers/promises`' `setTimeout`. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return process
    .getBuiltinModule('node:timers/promises')
    .setTimeout(ms, undefined, signal === undefined ? undefined : { signal });
}
