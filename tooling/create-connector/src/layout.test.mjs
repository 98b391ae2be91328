import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector, workspaceRoot } from './generate.mjs';
import {
  connectorLayoutProblems,
  importsOf,
  mockLayoutProblems,
  namesImportedFrom,
  workspaceLayout,
} from './layout.mjs';

describe('every package under packages/ follows the provider layout', () => {
  const packages = workspaceLayout(join(workspaceRoot, 'packages'));

  it('finds the providers, their mocks and the libraries', () => {
    const kinds = Object.fromEntries(packages.map((p) => [p.name, p.kind]));
    expect(kinds).toMatchObject({
      'aws-ses': 'connector',
      smtp: 'connector',
      resend: 'connector',
      postmark: 'connector',
      'mock-ses': 'mock',
      'mock-smtp': 'mock',
      'mock-resend': 'mock',
      'mock-postmark': 'mock',
      core: 'library',
      conformance: 'library',
    });
  });

  for (const { name, kind, problems } of packages) {
    it(`${name} (${kind})`, () => {
      expect(problems, `packages/${name}: ${problems.join('; ')}`).toEqual([]);
    });
  }
});

describe('the layout rules', () => {
  let tmp;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'layout-'));
    await generateConnector({
      name: 'acme-mail',
      packageDir: join(tmp, 'acme-mail'),
      format: false,
    });
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('the generator emits a package pair that follows them', () => {
    expect(connectorLayoutProblems(join(tmp, 'acme-mail'), 'acme-mail')).toEqual([]);
    expect(mockLayoutProblems(join(tmp, 'mock-acme-mail'), 'mock-acme-mail')).toEqual([]);
    expect(workspaceLayout(tmp).flatMap((p) => p.problems)).toEqual([]);
  });

  it('name what a package lacks or has in the wrong place', async () => {
    // A provider laid out the old way: its mock inside it, the error map under another name,
    // no sibling mock package.
    const dir = join(tmp, 'old-mail');
    await generateConnector({ name: 'old-mail', packageDir: dir, format: false });
    await rename(join(dir, 'src/error-mapping.ts'), join(dir, 'src/map-old-error.ts'));
    await rename(join(tmp, 'mock-old-mail/src/index.ts'), join(dir, 'src/provider-mock.ts'));
    await rm(join(tmp, 'mock-old-mail'), { recursive: true });
    const problems = workspaceLayout(tmp).find((p) => p.name === 'old-mail')?.problems;
    expect(problems).toEqual([
      'src/error-mapping.ts is missing',
      'src/provider-mock.ts must not exist: the mock lives in its own package, packages/mock-*',
      'its mock @org/mock-old-mail is not at packages/mock-old-mail',
    ]);
    expect(mockLayoutProblems(join(workspaceRoot, 'packages/conformance'), 'mock-x')).toEqual([
      'package.json name is @org/connector-conformance, not @org/mock-x',
    ]);
  });

  /** Rewrites a generated file: `edit(text)` returns the new text. */
  async function edit(path, change) {
    await writeFile(path, change(await readFile(path, 'utf8')));
  }

  it('hold provider code to the core entries it should import', async () => {
    const dir = join(tmp, 'entry-mail');
    await generateConnector({ name: 'entry-mail', packageDir: dir, format: false });
    await edit(join(dir, 'src/connector.ts'), (text) =>
      text.replace("from '@org/connector-core/provider'", "from '@org/connector-core'"),
    );
    await edit(
      join(dir, 'src/metadata.ts'),
      (text) =>
        `import { createMemoryConnector } from '@org/connector-core/testing';\nimport { x } from '@org/connector-core/dist/index.js';\n${text}`,
    );
    await edit(
      join(dir, 'src/transport.ts'),
      (text) => `import { runConnectorCliMain } from '@org/connector-core/cli';\n${text}`,
    );
    expect(connectorLayoutProblems(dir, 'entry-mail')).toEqual([
      'src/metadata.ts imports @org/connector-core/testing: the testing entry is for tests and mocks, not provider code',
      'src/metadata.ts imports @org/connector-core/dist/index.js: use an entry of @org/connector-core (., /provider, /testing, /cli)',
      'src/transport.ts imports @org/connector-core/cli: the CLI entry belongs in src/cli.ts and src/cli/',
      'src/connector.ts imports defineEmailConnector from @org/connector-core: take them from @org/connector-core/provider',
      'src/connector.ts must be built on the kit: import @org/connector-core/provider',
    ]);
  });

  it('want the CLI split, a preflight for check, and the suite run both ways over an msw mock', async () => {
    const dir = join(tmp, 'split-mail');
    await generateConnector({ name: 'split-mail', packageDir: dir, format: false });
    // The CLI definition inline in src/cli.ts, as the generator once wrote it.
    await writeFile(
      join(dir, 'src/cli.ts'),
      "import { runConnectorCliMain } from '@org/connector-core/cli';\nconst cli = {};\nvoid runConnectorCliMain(cli);\n",
    );
    await rm(join(dir, 'src/cli'), { recursive: true });
    await rm(join(dir, 'src/preflight.ts'));
    await rm(join(dir, 'test/conformance.server.test.ts'));
    await edit(join(dir, 'tsup.config.ts'), (text) => text.replace("'src/cli.ts'", "'src/bin.ts'"));
    await edit(join(dir, 'package.json'), (text) => {
      const pkg = JSON.parse(text);
      pkg.engines.node = '>=18';
      delete pkg.scripts['check:exports'];
      return JSON.stringify(pkg);
    });
    await writeFile(join(dir, 'bin/split-mail-connector.js'), "import '../src/cli.ts';\n");
    expect(connectorLayoutProblems(dir, 'split-mail')).toEqual([
      'package.json engines.node is >=18, not >=20.19 as @org/connector-core',
      'package.json lacks the scripts check:exports',
      'the bin ./bin/split-mail-connector.js must import ../dist/cli.js (built from src/cli.ts)',
      'tsup.config.ts must build src/cli.ts (the bin imports dist/cli.js)',
      'src/cli.ts must import its ConnectorCliDefinition from src/cli/ (e.g. ./cli/<name>-cli.js)',
      'src/cli/ has no test: run the CLI definition with runConnectorCli against the mock',
      'src/preflight.ts is missing: metadata declares check, and the preflight lives there',
      'test/conformance.server.test.ts is missing: @org/mock-split-mail has msw handlers and a server, and the suite runs through both',
    ]);
  });

  it('keep a mock off the provider side, msw an optional peer, its bin named after it', async () => {
    const dir = join(tmp, 'mock-side-mail');
    await generateConnector({
      name: 'side-mail',
      packageDir: join(tmp, 'side-mail'),
      format: false,
    });
    await edit(
      join(dir, 'src/errors.ts'),
      (text) => `import { createErrorMapper } from '@org/connector-core/provider';\n${text}`,
    );
    await edit(join(dir, 'package.json'), (text) => {
      const pkg = JSON.parse(text);
      delete pkg.peerDependenciesMeta;
      pkg.bin = { 'side-mock': pkg.bin['mock-side-mail'] };
      pkg.peerDependencies['@org/connector-side-mail'] = 'workspace:^';
      return JSON.stringify(pkg);
    });
    expect(mockLayoutProblems(dir, 'mock-side-mail')).toEqual([
      'msw must be an optional peer (peerDependenciesMeta): only the msw handlers need it',
      'the bin side-mock must be named mock-side-mail',
      'depends on the provider package @org/connector-side-mail',
      'src/errors.ts imports @org/connector-core/provider: a mock takes only . and /testing of @org/connector-core, nothing of the provider side',
    ]);
  });

  it('read imports from statements only, with their names', () => {
    const text = [
      "import { a, type B, c as d } from '@org/connector-core';",
      "import type {\n  E,\n} from '@org/connector-core/provider';",
      "export { f } from './f.js';",
      "import '../dist/cli.js';",
      "// a comment: import x from '@org/nowhere'",
      " * prose that mentions from '@org/connector-core/testing' is not an import",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      '@org/connector-core',
      '@org/connector-core/provider',
      './f.js',
      '../dist/cli.js',
    ]);
    expect(namesImportedFrom(text, '@org/connector-core')).toEqual(['a', 'B', 'c']);
    expect(namesImportedFrom(text, '@org/connector-core/provider')).toEqual(['E']);
  });
});
