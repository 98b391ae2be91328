// Plain JS on purpose: Node 20 cannot load a TypeScript config from node_modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Tests import workspace packages from their sources, so a test run never depends on
 * (or races with) another package's `dist/`. Each `exports` subpath maps to the matching
 * `src/` file: `.` → `src/index.ts`, `./testing` → `src/testing.ts` (or `src/testing/index.ts`).
 */
function workspaceAliases() {
  const aliases = [];
  const packagesDir = join(root, 'packages');
  if (!existsSync(packagesDir)) return aliases;
  for (const dir of readdirSync(packagesDir)) {
    const pkgPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(pkgPath)) continue;
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    if (!pkg.name || !pkg.exports) continue;
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath === './package.json') continue;
      const name = subpath === '.' ? 'index' : subpath.slice(2);
      const candidates = [`src/${name}.ts`, `src/${name}/index.ts`];
      const file = candidates.map((c) => join(packagesDir, dir, c)).find((c) => existsSync(c));
      if (!file) continue;
      const spec = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      aliases.push({ find: new RegExp(`^${spec.replace(/[/.]/g, '\\$&')}$`), replacement: file });
    }
  }
  return aliases;
}

/**
 * @param {import('vitest/config').ViteUserConfig} overrides
 * @returns {import('vitest/config').ViteUserConfig}
 */
export function defineProjectConfig(overrides = {}) {
  const { test = {}, resolve: resolveOverrides = {}, ...rest } = overrides;
  return {
    resolve: { alias: workspaceAliases(), ...resolveOverrides },
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...test,
    },
    ...rest,
  };
}

export const workspaceRoot = root;
