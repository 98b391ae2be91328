import { fileURLToPath } from 'node:url';
import type * as ZodModule from 'zod';
import { packageRequire } from './node-builtins.js';

/** zod's `z` namespace: what a schema builder is handed. */
export type Zod = typeof ZodModule.z;

let loaded: typeof ZodModule | undefined;

// zod is ~60 ES modules that cost a fresh process ~50 ms to compile, and an import of this
// package (for its errors, types or CLI) or of a provider should not pay that: it is loaded on
// the first schema use instead, synchronously, so `createXConnector(config)` can still validate
// its config and throw before it returns.
function load(): typeof ZodModule {
  const require = packageRequire();
  // The ESM build requires zod's ESM entry (Node ≥ 20.19 and ≥ 22.12 load ES modules with
  // require), so an app that imports zod itself shares this one copy. `import.meta.resolve` is
  // missing in the CJS build, and require(esm) is off on Node 22.0 to 22.11: then zod's CJS
  // build, the copy a CJS app gets too. Either way zod keeps its registry (secret marks) and
  // `instanceof` working across copies.
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return require(fileURLToPath(resolve('zod'))) as typeof ZodModule;
    } catch {
      // fall through to the CJS build
    }
  }
  try {
    return require('zod') as typeof ZodModule;
  } catch (error) {
    throw new Error(
      `@org/connector-core loads zod on first use with require(), and found none from its dist/. A bundle must keep "zod" external and ship it in node_modules.`,
      { cause: error },
    );
  }
}

/** zod, loaded on first use. */
export function zodModule(): typeof ZodModule {
  loaded ??= load();
  return loaded;
}

/** zod's `z` namespace, loaded on first use. */
export function zod(): Zod {
  return zodModule().z;
}
