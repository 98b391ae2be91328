// Plain JS on purpose: Node 20 cannot load a TypeScript config from node_modules.
/**
 * @param {import('tsup').Options} overrides
 * @returns {import('tsup').Options}
 */
export function defineLibraryConfig(overrides = {}) {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    shims: false,
    ...overrides,
  };
}
