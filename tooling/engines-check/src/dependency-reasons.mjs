import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a published package makes its users install or provide: `dependencies`,
 * `optionalDependencies` and `peerDependencies` (optional peers marked), in that order.
 * @param {{ dependencies?: object, optionalDependencies?: object, peerDependencies?: object, peerDependenciesMeta?: object }} manifest
 * @returns {{ name: string, kind: 'dependency' | 'optional' | 'peer' | 'optional peer' }[]}
 */
export function runtimeDependencies(manifest) {
  const optionalPeers = manifest.peerDependenciesMeta ?? {};
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, kind: 'dependency' })),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, kind: 'optional' })),
    ...Object.keys(manifest.peerDependencies ?? {}).map((name) => ({
      name,
      kind: optionalPeers[name]?.optional ? 'optional peer' : 'peer',
    })),
  ];
}

/**
 * The reasons a README gives in its `## Dependencies` section: a table whose first column is
 * the package name in backticks and whose second column says why. `undefined` without such a
 * section.
 * @param {string} readme
 * @returns {Map<string, string> | undefined}
 */
export function dependencyReasons(readme) {
  const lines = readme.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+Dependencies\s*$/.test(line));
  if (start === -1) return undefined;
  const reasons = new Map();
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2}\s/.test(line)) break;
    const row = line.match(/^\|\s*`([^`]+)`[^|]*\|([^|]*)\|/);
    if (row) reasons.set(row[1].trim(), row[2].trim());
  }
  return reasons;
}

/**
 * Packages whose README does not have the table yet, and why; the check reports them apart.
 * Remove an entry once its README has the table.
 */
export const pendingDependencyReasons = {};

/** A reason says something: not empty, not a dash, at least a few words. */
const isReason = (text) => typeof text === 'string' && text.replace(/[–—\-\s]/g, '').length >= 10;

/**
 * Every published package under `<root>/packages` must say in its README why it has each
 * runtime dependency (and list no dependency it does not have). Packages in `pending` are
 * reported apart and do not fail the check.
 * @param {string} root the workspace root
 * @param {{ pending?: Record<string, string> }} [options]
 */
export function checkDependencyReasons(root, { pending = {} } = {}) {
  const problems = [];
  const pendingProblems = [];
  const checked = [];
  const packagesDir = join(root, 'packages');
  for (const entry of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, entry);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    const dependencies = runtimeDependencies(manifest);
    const readmePath = join(dir, 'README.md');
    const reasons = existsSync(readmePath)
      ? dependencyReasons(readFileSync(readmePath, 'utf8'))
      : undefined;
    const found = [];
    if (dependencies.length > 0 && reasons === undefined) {
      found.push(
        `${manifest.name}: README.md has no "## Dependencies" table; give a reason for ${dependencies.map((d) => d.name).join(', ')}`,
      );
    } else if (reasons !== undefined) {
      for (const { name, kind } of dependencies) {
        if (!isReason(reasons.get(name))) {
          found.push(
            `${manifest.name}: the ${kind} ${name} has no reason in README.md "## Dependencies"`,
          );
        }
      }
      const declared = new Set(dependencies.map((d) => d.name));
      for (const name of reasons.keys()) {
        if (!declared.has(name)) {
          found.push(
            `${manifest.name}: README.md "## Dependencies" lists ${name}, which is not a runtime dependency`,
          );
        }
      }
    }
    (manifest.name in pending ? pendingProblems : problems).push(...found);
    checked.push({ name: manifest.name, dependencies, reasons: reasons ?? new Map() });
  }
  return { problems, pendingProblems, checked };
}
