// Plain JS on purpose, like the generator: the one description of how a provider is laid out,
// which the generator emits and layout.test.mjs holds every package under packages/ to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages under packages/ that are not providers nor mocks: the shared libraries. */
export const libraryPackages = ['core', 'conformance'];

/** Shared stores (`packages/store-<backend>`, e.g. Redis) are libraries too: no provider layout. */
export const isStorePackage = (name) => name.startsWith('store-');

/** What every provider and mock package has: its manifest, README and configs, an index. */
const packageFiles = [
  'package.json',
  'README.md',
  'tsconfig.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'src/index.ts',
];

/** Every provider package `packages/<name>` has these files. */
export const connectorFiles = [
  ...packageFiles,
  'src/config-schema.ts',
  'src/metadata.ts',
  'src/transport.ts',
  'src/error-mapping.ts',
  'src/connector.ts',
  'src/cli.ts',
];

/** Every mock package `packages/mock-<name>` has these files. */
export const mockFiles = packageFiles;

const conformanceTestPattern = /^conformance(\.[\w-]+)?\.test\.ts$/;

/** The scripts every provider and mock package runs, as `@org/connector-core` does. */
export const packageScripts = ['build', 'typecheck', 'test', 'check:exports'];

/** The entries of `@org/connector-core` a package may import: `.` and these subpaths. */
export const coreEntries = ['provider', 'testing', 'cli'];

/**
 * The pipeline and the transport contract: a provider takes them from the provider-author
 * entry `@org/connector-core/provider`, never from `.` (which re-exports some for apps).
 */
export const providerEntryNames = [
  'defineEmailConnector',
  'EmailConnectorDefinition',
  'EmailConnectorFactory',
  'ConnectorOf',
  'ConfigValue',
  'CheckingTransport',
  'TransportFactoryContext',
  'EmailTransport',
  'TransportContext',
  'TransportResult',
];

/** The provider files that are built on the kit, so import `@org/connector-core/provider`. */
export const kitFiles = ['src/connector.ts', 'src/transport.ts', 'src/error-mapping.ts'];

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

const isTest = (file) => /\.test\.[cm]?[jt]s$/.test(file);

/** Every module specifier a source file imports or re-exports from, in order. */
export function importsOf(text) {
  const specifiers = [];
  // Statements only (a line starting with import or export), so prose in comments is not read.
  const pattern =
    /^\s*(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gms;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? match[3]);
  return specifiers;
}

/** The names a source file imports by name from `specifier` (`type` and `as` dropped). */
export function namesImportedFrom(text, specifier) {
  const names = [];
  const quoted = specifier.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
  const pattern = new RegExp(
    `import\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${quoted}['"]`,
    'g',
  );
  for (const match of text.matchAll(pattern)) {
    for (const part of match[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names;
}

/** Source files under `dir/src`, relative to `dir`, tests left out. */
function sourceFiles(dir) {
  return filesUnder(join(dir, 'src'))
    .map((file) => relative(dir, file).split(sep).join('/'))
    .filter((file) => /\.[cm]?[jt]s$/.test(file) && !isTest(file))
    .sort();
}

/** The `engines.node` of this workspace's `@org/connector-core`, which every package shares. */
function coreEngines() {
  return readJson(fileURLToPath(new URL('../../../packages/core/package.json', import.meta.url)))
    .engines?.node;
}

/** What is wrong with the package.json fields every provider and mock package shares. */
function packageProblems(dir, pkg) {
  const problems = [];
  const engines = coreEngines();
  if (pkg.engines?.node !== engines) {
    problems.push(
      `package.json engines.node is ${pkg.engines?.node}, not ${engines} as @org/connector-core`,
    );
  }
  const scripts = packageScripts.filter((script) => !pkg.scripts?.[script]);
  if (scripts.length > 0) problems.push(`package.json lacks the scripts ${scripts.join(', ')}`);
  const bins = Object.entries(pkg.bin ?? {});
  if (bins.length > 0) {
    if (!(pkg.files ?? []).includes('bin')) problems.push('package.json files must include bin');
    for (const [, path] of bins) {
      if (!existsSync(join(dir, path))) problems.push(`the bin ${path} is missing`);
      else if (
        !/import\s+['"]\.\.\/dist\/cli\.js['"]/.test(readFileSync(join(dir, path), 'utf8'))
      ) {
        problems.push(`the bin ${path} must import ../dist/cli.js (built from src/cli.ts)`);
      }
    }
    if (!existsSync(join(dir, 'src/cli.ts')))
      problems.push('src/cli.ts is missing: the bin runs its build');
    const tsup = existsSync(join(dir, 'tsup.config.ts'))
      ? readFileSync(join(dir, 'tsup.config.ts'), 'utf8')
      : '';
    if (!tsup.includes("'src/cli.ts'"))
      problems.push('tsup.config.ts must build src/cli.ts (the bin imports dist/cli.js)');
  }
  const msw = pkg.peerDependencies?.msw;
  if (msw !== undefined && pkg.peerDependenciesMeta?.msw?.optional !== true) {
    problems.push(
      'msw must be an optional peer (peerDependenciesMeta): only the msw handlers need it',
    );
  }
  return problems;
}

/** What is wrong with the `@org/connector-core` entries the files of `dir` import. */
function coreImportProblems(dir, files, { allowed, where }) {
  const problems = [];
  for (const file of files) {
    for (const specifier of importsOf(readFileSync(join(dir, file), 'utf8'))) {
      // `.` is open to every file; a subpath must be an entry this file may take.
      if (!specifier.startsWith('@org/connector-core/')) continue;
      const entry = specifier.slice('@org/connector-core/'.length);
      if (!coreEntries.includes(entry)) {
        problems.push(
          `${file} imports ${specifier}: use an entry of @org/connector-core (., ${coreEntries.map((e) => `/${e}`).join(', ')})`,
        );
      } else if (!allowed(entry, file)) {
        problems.push(`${file} imports ${specifier}: ${where(entry)}`);
      }
    }
  }
  return problems;
}

/** The capabilities a provider's src/metadata.ts declares true, read off its text. */
function declaredCapabilities(dir) {
  const path = join(dir, 'src/metadata.ts');
  if (!existsSync(path)) return [];
  const block = /capabilities:\s*\{([^}]*)\}/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
  return [...block.matchAll(/(\w+):\s*true\b/g)].map((match) => match[1]);
}

/**
 * What is wrong with a provider package: `packages/<name>` is `@org/connector-<name>` with the
 * files above; the kit from `@org/connector-core/provider`; a `*-connector` bin over a thin
 * src/cli.ts whose definition lives in src/cli/; `src/preflight.ts` when it declares `check`;
 * the conformance suite run in test/ against its sibling mock package (through msw and over
 * the mock's server when the mock has msw handlers); and no mock code of its own.
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
  const bins = Object.keys(pkg.bin ?? {});
  if (bins.length !== 1 || !bins[0].endsWith('-connector')) {
    problems.push('package.json must declare one bin named <something>-connector');
  }
  problems.push(...packageProblems(dir, pkg));
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

  // The kit comes from the provider-author entry; /testing is for tests, /cli for the CLI.
  const sources = sourceFiles(dir);
  const isCliFile = (file) => file === 'src/cli.ts' || file.startsWith('src/cli/');
  problems.push(
    ...coreImportProblems(dir, sources, {
      allowed: (entry, file) => entry === 'provider' || (entry === 'cli' && isCliFile(file)),
      where: (entry) =>
        entry === 'testing'
          ? 'the testing entry is for tests and mocks, not provider code'
          : 'the CLI entry belongs in src/cli.ts and src/cli/',
    }),
  );
  for (const file of sources) {
    const text = readFileSync(join(dir, file), 'utf8');
    const fromRoot = namesImportedFrom(text, '@org/connector-core').filter((imported) =>
      providerEntryNames.includes(imported),
    );
    if (fromRoot.length > 0) {
      problems.push(
        `${file} imports ${fromRoot.join(', ')} from @org/connector-core: take them from @org/connector-core/provider`,
      );
    }
  }
  for (const file of kitFiles.filter((kit) => existsSync(join(dir, kit)))) {
    if (
      !importsOf(readFileSync(join(dir, file), 'utf8')).includes('@org/connector-core/provider')
    ) {
      problems.push(`${file} must be built on the kit: import @org/connector-core/provider`);
    }
  }

  // The CLI: src/cli.ts only runs the definition that src/cli/ holds and tests.
  if (existsSync(join(dir, 'src/cli.ts'))) {
    const cli = readFileSync(join(dir, 'src/cli.ts'), 'utf8');
    if (!namesImportedFrom(cli, '@org/connector-core/cli').includes('runConnectorCliMain')) {
      problems.push(
        'src/cli.ts must run the shared CLI: runConnectorCliMain from @org/connector-core/cli',
      );
    }
    if (!importsOf(cli).some((specifier) => specifier.startsWith('./cli/'))) {
      problems.push(
        'src/cli.ts must import its ConnectorCliDefinition from src/cli/ (e.g. ./cli/<name>-cli.js)',
      );
    }
    const cliFiles = filesUnder(join(dir, 'src/cli')).map((file) => relative(dir, file));
    if (!cliFiles.some(isTest)) {
      problems.push(
        'src/cli/ has no test: run the CLI definition with runConnectorCli against the mock',
      );
    }
  }

  if (declaredCapabilities(dir).includes('check') && !existsSync(join(dir, 'src/preflight.ts'))) {
    problems.push(
      'src/preflight.ts is missing: metadata declares check, and the preflight lives there',
    );
  }

  // The conformance suite runs here, against the sibling mock package.
  const tests = existsSync(join(dir, 'test')) ? readdirSync(join(dir, 'test')) : [];
  const conformanceTests = tests.filter((file) => conformanceTestPattern.test(file));
  if (conformanceTests.length === 0) {
    problems.push('test/conformance*.test.ts is missing: the suite runs in the provider package');
  }
  for (const file of conformanceTests) {
    const text = readFileSync(join(dir, 'test', file), 'utf8');
    if (!importsOf(text).includes('@org/connector-conformance')) {
      problems.push(`test/${file} does not run the suite of @org/connector-conformance`);
    }
  }
  const testSources = filesUnder(join(dir, 'test')).map((file) => readFileSync(file, 'utf8'));
  if (mocks.length === 1 && !testSources.some((text) => importsOf(text).includes(mocks[0]))) {
    problems.push(`no file in test/ imports the mock package ${mocks[0]}`);
  }
  const mockPackage =
    mocks.length === 1
      ? join(dirname(dir), mocks[0].slice('@org/'.length), 'package.json')
      : undefined;
  if (mockPackage && existsSync(mockPackage) && readJson(mockPackage).peerDependencies?.msw) {
    // A mock with msw handlers has a local server too: the suite runs through both.
    for (const file of ['conformance.msw.test.ts', 'conformance.server.test.ts']) {
      if (!tests.includes(file)) {
        problems.push(
          `test/${file} is missing: ${mocks[0]} has msw handlers and a server, and the suite runs through both`,
        );
      }
    }
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
 * above, implements the conformance suite's `ProviderMock` from `@org/connector-core/testing`,
 * takes nothing from the provider side (no provider package, no `/provider` or `/cli` entry: a
 * mock must not share code with what it checks), and keeps msw an optional peer.
 * @param {string} dir @param {string} name the directory name, `mock-<x>`
 * @returns {string[]}
 */
export function mockLayoutProblems(dir, name) {
  const problems = missing(dir, mockFiles);
  if (!existsSync(join(dir, 'package.json'))) return problems;
  const pkg = readJson(join(dir, 'package.json'));
  if (pkg.name !== `@org/${name}`)
    problems.push(`package.json name is ${pkg.name}, not @org/${name}`);
  problems.push(...packageProblems(dir, pkg));
  for (const bin of Object.keys(pkg.bin ?? {})) {
    if (bin !== name) problems.push(`the bin ${bin} must be named ${name}`);
  }
  const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  for (const dep of dependencies) {
    if (dep.startsWith('@org/connector-') && dep !== '@org/connector-core') {
      problems.push(`depends on the provider package ${dep}`);
    }
  }
  const files = sourceFiles(dir);
  problems.push(
    ...coreImportProblems(dir, files, {
      allowed: (entry) => entry === 'testing',
      where: () =>
        'a mock takes only . and /testing of @org/connector-core, nothing of the provider side',
    }),
  );
  const sources = files.map((file) => readFileSync(join(dir, file), 'utf8'));
  if (!sources.some((text) => /\bProviderMock\b/.test(text))) {
    problems.push('src/ does not implement ProviderMock from @org/connector-core/testing');
  }
  if (!sources.some((text) => importsOf(text).includes('@org/connector-core/testing'))) {
    problems.push(
      'no file in src/ imports @org/connector-core/testing (ProviderMock and its faults)',
    );
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
    if (libraryPackages.includes(name) || isStorePackage(name))
      return { name, kind: 'library', problems: [] };
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
