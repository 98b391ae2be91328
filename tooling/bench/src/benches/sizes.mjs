import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dependencyReasons } from '@org/engines-check/dependency-reasons';
import { benchRoot } from '../lib/worker.mjs';

const workspaceRoot = join(benchRoot, '../..');

export const sizeTargets = [
  { id: 'sdk', label: '@aws-sdk/client-sesv2 (floor)', name: '@aws-sdk/client-sesv2' },
  { id: 'org-connector', label: '@org/connector-aws-ses', name: '@org/connector-aws-ses' },
  { id: 'org-core', label: '@org/connector-core', name: '@org/connector-core' },
  { id: 'logto', label: '@logto/connector-aws-ses', name: '@logto/connector-aws-ses' },
  { id: 'nodemailer', label: 'nodemailer (without the SDK)', name: 'nodemailer' },
  { id: 'mock-ses', label: '@org/mock-ses', name: '@org/mock-ses' },
  { id: 'aws-ses-v2-local', label: 'aws-ses-v2-local', name: 'aws-ses-v2-local' },
];

function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

function sumBytes(dir, files) {
  return files.reduce((sum, rel) => sum + statSync(join(dir, rel)).size, 0);
}

/** npm `files` patterns: `*`, `**`, `?`; a matching directory takes everything below it. */
function globToRegExp(glob) {
  const pattern = glob.replace(/^\.\//, '').replace(/\/$/, '');
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      body += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') body += '[^/]*';
    else if (char === '?') body += '[^/]';
    else body += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${body}$`);
}

function matchesEntry(rel, re) {
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) if (re.test(parts.slice(0, i).join('/'))) return true;
  return false;
}

/** The bytes npm would unpack: the `files` list plus the files npm always keeps, or everything. */
function publishedBytes(dir, pkg) {
  const all = listFiles(dir);
  if (!Array.isArray(pkg.files)) return sumBytes(dir, all);
  const include = pkg.files.filter((f) => !f.startsWith('!')).map(globToRegExp);
  const exclude = pkg.files.filter((f) => f.startsWith('!')).map((f) => globToRegExp(f.slice(1)));
  const always = /^(package\.json|readme[^/]*|licen[cs]e[^/]*|changelog[^/]*)$/i;
  const kept = all.filter(
    (rel) =>
      always.test(rel) ||
      (include.some((re) => matchesEntry(rel, re)) && !exclude.some((re) => matchesEntry(rel, re))),
  );
  return sumBytes(dir, kept);
}

/** Node's lookup: `<dir>/node_modules/<name>`, then each parent; pnpm's layout resolves this way. */
function resolvePackageDir(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function readPkg(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** Where a closure walk starts: an installed package by name, or a workspace directory. */
function rootDirOf(target) {
  if (target.dir) return realpathSync(target.dir);
  const dir = resolvePackageDir(benchRoot, target.name);
  if (!dir) throw new Error(`${target.name} is not installed`);
  return dir;
}

/**
 * Every package reachable from `root` by `dependencies`, installed `optionalDependencies` and,
 * with `peers`, required peers (npm 7+ installs them), deduplicated by real path.
 */
function closureOf(root, { peers }) {
  const seen = new Map();
  const missing = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    if (seen.has(dir)) continue;
    const pkg = readPkg(dir);
    seen.set(dir, { name: pkg.name, version: pkg.version, bytes: publishedBytes(dir, pkg) });
    const optionalPeers = pkg.peerDependenciesMeta ?? {};
    const deps = [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.optionalDependencies ?? {}),
      ...(peers
        ? Object.keys(pkg.peerDependencies ?? {}).filter((p) => !optionalPeers[p]?.optional)
        : []),
    ];
    for (const dep of new Set(deps)) {
      const depDir = resolvePackageDir(dir, dep);
      if (depDir) stack.push(depDir);
      else if (!pkg.optionalDependencies?.[dep]) missing.push(`${pkg.name} → ${dep}`);
    }
  }
  let bytes = 0;
  for (const entry of seen.values()) bytes += entry.bytes;
  return { seen, bytes, packages: seen.size, missing };
}

/** What each direct runtime dependency brings along (its own closure, peers excluded). */
function directDependencies(root, pkg) {
  const optionalPeers = pkg.peerDependenciesMeta ?? {};
  const kinds = [
    ...Object.keys(pkg.dependencies ?? {}).map((name) => [name, 'dependency']),
    ...Object.keys(pkg.optionalDependencies ?? {}).map((name) => [name, 'optional']),
    ...Object.keys(pkg.peerDependencies ?? {}).map((name) => [
      name,
      optionalPeers[name]?.optional ? 'optional peer' : 'peer',
    ]),
  ];
  return kinds.map(([name, kind]) => {
    const dir = resolvePackageDir(root, name);
    if (!dir) return { name, kind, installed: false };
    const closure = closureOf(dir, { peers: false });
    return {
      name,
      kind,
      installed: true,
      version: readPkg(dir).version,
      closureBytes: closure.bytes,
      closurePackages: closure.packages,
    };
  });
}

/**
 * A package and its production closure: `dependencies` and installed `optionalDependencies`
 * (what `npm i` installs), then with required peers too (npm 7+ installs those unless the app
 * has them), and what each direct runtime dependency brings along.
 */
export function measurePackage(target) {
  const root = rootDirOf(typeof target === 'string' ? { name: target } : target);
  const pkg = readPkg(root);
  const own = closureOf(root, { peers: false });
  const withPeers = closureOf(root, { peers: true });
  const distDir = join(root, 'dist');
  return {
    version: pkg.version,
    packageBytes: own.seen.get(root).bytes,
    distBytes:
      existsSync(distDir) && statSync(distDir).isDirectory()
        ? sumBytes(distDir, listFiles(distDir))
        : null,
    closureBytes: own.bytes,
    closurePackages: own.packages,
    closureWithPeersBytes: withPeers.bytes,
    closureWithPeersPackages: withPeers.packages,
    dependencies: directDependencies(root, pkg),
    missing: withPeers.missing,
  };
}

/** The packages of this repository that are published (not `private`), from packages/. */
export function publishedPackages() {
  const packagesDir = join(workspaceRoot, 'packages');
  return readdirSync(packagesDir)
    .map((entry) => join(packagesDir, entry))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, pkg: readPkg(dir) }))
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ id: pkg.name, label: pkg.name, name: pkg.name, dir }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Peers: what ours is compared against. Ours: every published package. */
export function benchSizes() {
  const results = {};
  const unavailable = {};
  for (const t of sizeTargets) {
    try {
      results[t.id] = { label: t.label, ...measurePackage(t) };
    } catch (error) {
      unavailable[t.id] = { label: t.label, reason: error.message };
    }
  }
  const published = {};
  for (const t of publishedPackages()) {
    try {
      const readme = join(t.dir, 'README.md');
      const reasons = existsSync(readme)
        ? (dependencyReasons(readFileSync(readme, 'utf8')) ?? new Map())
        : new Map();
      const measured = measurePackage(t);
      for (const dep of measured.dependencies) dep.reason = reasons.get(dep.name) ?? null;
      published[t.id] = { label: t.label, ...measured };
    } catch (error) {
      unavailable[t.id] = { label: t.label, reason: error.message };
    }
  }
  return { results, published, unavailable };
}
