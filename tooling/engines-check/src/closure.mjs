import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The runtime dependency closure of a package as installed: what `npm i <pkg>` brings, read
 * from node_modules (so the lockfile's versions are what is checked, not the ranges).
 * Optional peers are included: users who install them get them too.
 * @param {string} packageDir
 * @returns {Map<string, { name: string, version: string, dir: string, engines?: { node?: string }, via: string }>}
 */
export function dependencyClosure(packageDir) {
  const seen = new Map();
  const queue = [{ dir: realpathSync(packageDir), via: '' }];
  while (queue.length > 0) {
    const { dir, via } = queue.shift();
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      name: manifest.name,
      version: manifest.version,
      dir,
      engines: manifest.engines,
      via,
    });
    const names = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const require = createRequire(join(dir, 'package.json'));
    for (const name of names) {
      const found = findPackageDir(require, name, dir);
      // An optional peer or an optional dependency for another platform may be absent.
      if (found) queue.push({ dir: found, via: via ? `${via} > ${manifest.name}` : manifest.name });
    }
  }
  return seen;
}

function findPackageDir(require, name, fromDir) {
  try {
    return realpathSync(dirname(require.resolve(`${name}/package.json`)));
  } catch {
    // Packages whose exports map hides package.json: walk node_modules upwards.
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name, 'package.json');
      try {
        return realpathSync(dirname(candidate));
      } catch {
        const parent = dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
      }
    }
  }
}
