// Plain JS on purpose, like the generator: the one description of how a provider is laid out,
// which the generator emits and layout.test.mjs holds every package under packages/ to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packages under packages/ that are not providers nor mocks: the shared libraries. */
export const libraryPackages = ['core', 'conformance'];

/** Every provider package `packages/<name>` has these files. */
export const connectorFiles = [
  'package.json',
  'README.md',
  'tsconfig.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'src/index.ts',
  'src/config-schema.ts',
  'src/metadata.ts',
  'src/transport.ts',
  'src/error-mapping.ts',
  'src/connector.ts',
  'src/cli.ts',
];

/** Every mock package `packages/mock-<name>` has these files. */
export const mockFiles = ['package.json', 'README.md', 'tsconfig.json', 'src/index.ts'];

const conformanceTestPattern = /^conformance(\.[\w-]+)?\.test\.ts$/;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function missing(dir, files) {
  return files.filter((file) => !existsSync(join(dir, file))).map((file) => `${file} is missing`);
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * What is wrong with a provider package: `packages/<name>` is `@org/connector-<name>` with the
 * files above, a `*-connector` bin over src/cli.ts, a conformance test in test/ that runs the
 * shared suite against its sibling mock package, and no mock code of its own.
 * @param {string} dir @param {string} name the directory name
 * @returns {string[]}
 */
export function connectorLayoutProblems(dir, name) {
  const problems = missing(dir, connectorFiles);
  if (!existsSync(join(dir, 'package.json'))) return problems;
  const pkg = readJson(join(dir, 'package.json'));
  if (pkg.name !== `@org/connector-${name}`) {
    problems.push(`package.json name is ${pkg.name}, not @org/connector-${name}`);
  }
  const bins = Object.entries(pkg.bin ?? {});
  if (bins.length !== 1 || !bins[0][0].endsWith('-connector')) {
    problems.push('package.json must declare one bin named <something>-connector');
  } else if (!existsSync(join(dir, bins[0][1]))) {
    problems.push(`the bin ${bins[0][1]} is missing`);
  }
  const devDependencies = Object.keys(pkg.devDependencies ?? {});
  if (!devDependencies.includes('@org/connector-conformance')) {
    problems.push('devDependencies must include @org/connector-conformance');
  }
  const mocks = devDependencies.filter((dep) => dep.startsWith('@org/mock-'));
  if (mocks.length !== 1) {
    problems.push(
      `devDependencies must include exactly one @org/mock-* package (has ${mocks.length})`,
    );
  }
  const tests = existsSync(join(dir, 'test')) ? readdirSync(join(dir, 'test')) : [];
  if (!tests.some((file) => conformanceTestPattern.test(file))) {
    problems.push('test/conformance*.test.ts is missing: the suite runs in the provider package');
  }
  const testSources = filesUnder(join(dir, 'test')).map((file) => readFileSync(file, 'utf8'));
  if (mocks.length === 1 && !testSources.some((text) => text.includes(`'${mocks[0]}`))) {
    problems.push(`no file in test/ imports the mock package ${mocks[0]}`);
  }
  for (const stray of ['src/testing', 'src/provider-mock.ts']) {
    if (existsSync(join(dir, stray))) {
      problems.push(`${stray} must not exist: the mock lives in its own package, packages/mock-*`);
    }
  }
  return problems;
}

/**
 * What is wrong with a mock package: `packages/mock-<x>` is `@org/mock-<x>` with the files
 * above, implements the conformance suite's `ProviderMock`, and depends on no provider package
 * (a mock must not share code with what it checks).
 * @param {string} dir @param {string} name the directory name, `mock-<x>`
 * @returns {string[]}
 */
export function mockLayoutProblems(dir, name) {
  const problems = missing(dir, mockFiles);
  if (!existsSync(join(dir, 'package.json'))) return problems;
  const pkg = readJson(join(dir, 'package.json'));
  if (pkg.name !== `@org/${name}`)
    problems.push(`package.json name is ${pkg.name}, not @org/${name}`);
  const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  for (const dep of dependencies) {
    if (dep.startsWith('@org/connector-') && dep !== '@org/connector-core') {
      problems.push(`depends on the provider package ${dep}`);
    }
  }
  const sources = filesUnder(join(dir, 'src')).map((file) => readFileSync(file, 'utf8'));
  if (!sources.some((text) => /\bProviderMock\b/.test(text))) {
    problems.push('src/ does not implement ProviderMock from @org/connector-core/testing');
  }
  return problems;
}

/**
 * Every package under `packagesDir`, checked: `mock-*` by the mock rule, the libraries not at
 * all, everything else by the provider rule; a provider's mock must exist beside it.
 * @param {string} packagesDir
 * @returns {{ name: string, kind: 'connector' | 'mock' | 'library', problems: string[] }[]}
 */
export function workspaceLayout(packagesDir) {
  const names = readdirSync(packagesDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')),
    )
    .map((entry) => entry.name)
    .sort();
  return names.map((name) => {
    const dir = join(packagesDir, name);
    if (libraryPackages.includes(name)) return { name, kind: 'library', problems: [] };
    if (name.startsWith('mock-'))
      return { name, kind: 'mock', problems: mockLayoutProblems(dir, name) };
    const problems = connectorLayoutProblems(dir, name);
    const pkg = readJson(join(dir, 'package.json'));
    for (const mock of Object.keys(pkg.devDependencies ?? {}).filter((d) =>
      d.startsWith('@org/mock-'),
    )) {
      const mockDir = mock.slice('@org/'.length);
      if (!names.includes(mockDir)) problems.push(`its mock ${mock} is not at packages/${mockDir}`);
    }
    return { name, kind: 'connector', problems };
  });
}
