import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { dependencyClosure } from './closure.mjs';

/**
 * For every published package under packages/: each installed runtime dependency must accept
 * the oldest Node version the package promises (`engines.node`), and every version line we
 * test in CI. A dependency that declares no engines is taken at its word.
 * @param {string} root the workspace root
 * @param {{ testedMajors?: number[] }} [options]
 */
export function checkEngines(root, options = {}) {
  const testedMajors = options.testedMajors ?? [20, 22, 24, 26];
  const problems = [];
  const checked = [];
  const packagesDir = join(root, 'packages');
  for (const entry of readdirSync(packagesDir)) {
    const dir = join(packagesDir, entry);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    const promised = manifest.engines?.node;
    if (!promised) {
      problems.push(`${manifest.name}: no engines.node field; published packages must state it`);
      continue;
    }
    const oldest = semver.minVersion(promised);
    const versions = [
      oldest.version,
      ...testedMajors
        .map((major) => `${major}.999.0`)
        .filter((version) => semver.satisfies(version, promised)),
    ];
    const closure = dependencyClosure(dir);
    for (const dependency of closure.values()) {
      if (dependency.name === manifest.name) continue;
      const range = dependency.engines?.node;
      if (!range) continue;
      for (const version of versions) {
        if (!semver.satisfies(version, range)) {
          problems.push(
            `${manifest.name} promises node ${promised}, but ${dependency.name}@${dependency.version} (via ${dependency.via}) requires node ${range}: Node ${version} would be refused`,
          );
          break;
        }
      }
    }
    checked.push({ name: manifest.name, promised, dependencies: closure.size - 1 });
  }
  return { problems, checked };
}
