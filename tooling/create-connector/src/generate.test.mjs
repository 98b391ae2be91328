import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from './generate.mjs';
import {
  connectorLayoutProblems,
  importsOf,
  mockLayoutProblems,
  namesImportedFrom,
  providerEntryNames,
} from './layout.mjs';
import { checkConnectorName, checkDisplayName, connectorNames } from './names.mjs';

const run = promisify(execFile);
const toolDir = fileURLToPath(new URL('..', import.meta.url));
const workspaceRoot = join(toolDir, '../..');
const cli = join(toolDir, 'src/cli.mjs');

/** Runs a command; resolves with its output and exit code instead of throwing. */
async function exec(file, args, cwd, env = {}) {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  }
}

// The generated package is not installed: link each dependency it declares to the copy this
// tool's own devDependencies resolve to (the same workspace packages and catalog versions).
// `siblings` maps a generated package's name to its directory (the provider's mock).
async function linkDependencies(packageDir, siblings = {}) {
  const pkg = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  for (const name of names) {
    const source = siblings[name] ?? join(toolDir, 'node_modules', name);
    if (!existsSync(source)) throw new Error(`add ${name} to the devDependencies of ${toolDir}`);
    const target = join(packageDir, 'node_modules', name);
    await mkdir(dirname(target), { recursive: true });
    await symlink(await realpath(source), target, 'dir');
  }
}

describe('checkConnectorName and connectorNames', () => {
  it('accepts kebab-case names and spells them for the templates', () => {
    expect(checkConnectorName('mail-gun')).toBeUndefined();
    expect(connectorNames('mail-gun')).toEqual({
      __NAME__: 'mail-gun',
      __PACKAGE__: '@org/connector-mail-gun',
      __MOCKPACKAGE__: '@org/mock-mail-gun',
      __PASCAL__: 'MailGun',
      __CAMEL__: 'mailGun',
      __TITLE__: 'Mail Gun',
      __UPPER__: 'MAIL_GUN',
    });
  });

  it.each(['MailGun', 'mail_gun', '-mail', 'mail--gun', '1mail', ''])('rejects %j', (name) => {
    expect(checkConnectorName(name)).toMatch(/kebab-case/);
  });

  it.each([
    ['smtp', 'SMTP'],
    ['aws-ses', 'AWS SES'],
    ['http-api', 'HTTP API'],
    ['twilio-sms', 'Twilio SMS'],
    ['sesame', 'Sesame'],
  ])('writes known acronyms of %j in capitals in prose: %j', (name, title) => {
    expect(connectorNames(name).__TITLE__).toBe(title);
  });

  it('takes a display name for prose, leaving the identifiers alone', () => {
    expect(connectorNames('aws-ses', 'Amazon SES')).toMatchObject({
      __TITLE__: 'Amazon SES',
      __PASCAL__: 'AwsSes',
      __PACKAGE__: '@org/connector-aws-ses',
    });
    expect(checkDisplayName('Amazon SES (v2)')).toBeUndefined();
  });

  it.each(["O'Mail", 'Say "hi"', 'a\\b', ' Leading', '', 'x'.repeat(61), 'Two\nLines'])(
    'rejects the display name %j',
    (displayName) => {
      expect(checkDisplayName(displayName)).toMatch(/not a usable display name/);
    },
  );
});

/** The names `@org/connector-core`'s entry `entry` (`index`, `provider`, …) exports. */
async function coreExports(entry) {
  const text = await readFile(join(workspaceRoot, 'packages/core/dist', `${entry}.d.ts`), 'utf8');
  const names = new Set();
  for (const block of text.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)) {
    for (const part of block[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return names;
}

/** Runs vitest in `dir` with the JSON reporter; resolves with each test's result. */
async function vitestResults(dir, args = []) {
  const vitest = join(dir, 'node_modules/vitest/vitest.mjs');
  const result = await exec(
    process.execPath,
    [vitest, 'run', '--reporter=json', '--outputFile=report.json', ...args],
    dir,
  );
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
  const tests = report.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({ ...test, file: relative(dir, file.name) })),
  );
  return { code: result.code, tests, files: report.testResults };
}

describe('pnpm gen:connector', () => {
  let tmp;
  let packageDir;
  let mockDir;
  let changesetDir;
  let files;

  beforeAll(async () => {
    for (const built of [
      'packages/core/dist/index.d.ts',
      'packages/core/dist/provider.d.ts',
      'packages/core/dist/testing.d.ts',
      'packages/core/dist/cli.d.ts',
      'packages/conformance/dist/index.d.ts',
    ]) {
      if (!existsSync(join(workspaceRoot, built))) {
        throw new Error(
          `${built} is missing: the generated package type-checks against built types. Run \`pnpm turbo run build --filter=@org/create-connector...\` first.`,
        );
      }
    }
    tmp = await mkdtemp(join(tmpdir(), 'create-connector-'));
    packageDir = join(tmp, 'packages/acme-mail');
    mockDir = join(tmp, 'packages/mock-acme-mail');
    changesetDir = join(tmp, '.changeset');
    const generated = await generateConnector({ name: 'acme-mail', packageDir, changesetDir });
    expect(generated.formatProblem).toBeUndefined();
    expect(generated.mockPackageName).toBe('@org/mock-acme-mail');
    files = generated.files;
    await linkDependencies(mockDir);
    await linkDependencies(packageDir, { '@org/mock-acme-mail': mockDir });
    // The provider type-checks and tests against the mock package's build, as in the workspace.
    const tsup = join(mockDir, 'node_modules/tsup/dist/cli-default.js');
    const build = await exec(process.execPath, [tsup], mockDir);
    if (build.code !== 0) throw new Error(`the mock package does not build:\n${build.stderr}`);
  });

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('writes the package files, its mock package and a changeset', () => {
    expect(files.map((file) => relative(tmp, file))).toEqual([
      '.changeset/connector-acme-mail-initial.md',
      'packages/acme-mail/README.md',
      'packages/acme-mail/bin/acme-mail-connector.js',
      'packages/acme-mail/package.json',
      'packages/acme-mail/src/acme-mail-api-error.ts',
      'packages/acme-mail/src/acme-mail-request.ts',
      'packages/acme-mail/src/cli.ts',
      'packages/acme-mail/src/cli/acme-mail-cli.test.ts',
      'packages/acme-mail/src/cli/acme-mail-cli.ts',
      'packages/acme-mail/src/config-schema.ts',
      'packages/acme-mail/src/connector.ts',
      'packages/acme-mail/src/error-mapping.test.ts',
      'packages/acme-mail/src/error-mapping.ts',
      'packages/acme-mail/src/index.ts',
      'packages/acme-mail/src/metadata.ts',
      'packages/acme-mail/src/preflight.ts',
      'packages/acme-mail/src/transport.ts',
      'packages/acme-mail/test/conformance.msw.test.ts',
      'packages/acme-mail/test/conformance.server.test.ts',
      'packages/acme-mail/test/harness.ts',
      'packages/acme-mail/test/wire.test.ts',
      'packages/acme-mail/tsconfig.json',
      'packages/acme-mail/tsup.config.ts',
      'packages/acme-mail/vitest.config.ts',
      'packages/mock-acme-mail/README.md',
      'packages/mock-acme-mail/bin/mock-acme-mail.js',
      'packages/mock-acme-mail/package.json',
      'packages/mock-acme-mail/src/cli-args.ts',
      'packages/mock-acme-mail/src/cli.ts',
      'packages/mock-acme-mail/src/create-mock-acme-mail.test.ts',
      'packages/mock-acme-mail/src/create-mock-acme-mail.ts',
      'packages/mock-acme-mail/src/engine.ts',
      'packages/mock-acme-mail/src/errors.ts',
      'packages/mock-acme-mail/src/index.ts',
      'packages/mock-acme-mail/src/msw-handlers.ts',
      'packages/mock-acme-mail/src/parse-email.ts',
      'packages/mock-acme-mail/src/provider-mock.ts',
      'packages/mock-acme-mail/src/start-mock-acme-mail-server.test.ts',
      'packages/mock-acme-mail/src/start-mock-acme-mail-server.ts',
      'packages/mock-acme-mail/src/types.ts',
      'packages/mock-acme-mail/tsconfig.json',
      'packages/mock-acme-mail/tsup.config.ts',
      'packages/mock-acme-mail/vitest.config.ts',
    ]);
    for (const file of files) expect(existsSync(file), file).toBe(true);
  });

  it('lays both packages out the way layout.mjs holds every package under packages/ to', () => {
    expect(connectorLayoutProblems(packageDir, 'acme-mail')).toEqual([]);
    expect(mockLayoutProblems(mockDir, 'mock-acme-mail')).toEqual([]);
  });

  it('formats the files the way the workspace lints them', async () => {
    const biome = join(workspaceRoot, 'node_modules/.bin/biome');
    const config = `--config-path=${join(workspaceRoot, 'biome.json')}`;
    const packageFiles = files.filter(
      (file) => file.startsWith(`${packageDir}/`) || file.startsWith(`${mockDir}/`),
    );
    const result = await exec(
      biome,
      ['check', config, '--vcs-enabled=false', ...packageFiles],
      tmp,
    );
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it('leaves no placeholder behind', async () => {
    for (const file of files) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/__[A-Z]+__/);
    }
  });

  it('gives both packages the shape of @org/connector-resend and @org/mock-resend', async () => {
    const read = async (path) => JSON.parse(await readFile(path, 'utf8'));
    const generated = await read(join(packageDir, 'package.json'));
    const core = await read(join(workspaceRoot, 'packages/core/package.json'));
    const resend = await read(join(workspaceRoot, 'packages/resend/package.json'));
    const mockResend = await read(join(workspaceRoot, 'packages/mock-resend/package.json'));
    expect(generated.name).toBe('@org/connector-acme-mail');
    for (const key of ['type', 'sideEffects', 'engines', 'main', 'module', 'types']) {
      expect(generated[key], key).toEqual(core[key]);
    }
    expect(generated.files).toEqual([...core.files, 'bin']);
    expect(generated.bin).toEqual({ 'acme-mail-connector': './bin/acme-mail-connector.js' });
    expect(generated.exports['.']).toEqual(core.exports['.']);
    expect(generated.exports['./package.json']).toBe('./package.json');
    expect(generated.scripts).toEqual(core.scripts);
    // The same dependencies as the Resend connector, with the provider's names swapped.
    const swap = (deps) =>
      Object.keys(deps)
        .map((dep) => dep.replace('-resend', '-acme-mail'))
        .sort();
    expect(Object.keys(generated.dependencies).sort()).toEqual(swap(resend.dependencies));
    expect(Object.keys(generated.devDependencies).sort()).toEqual(swap(resend.devDependencies));
    expect(generated.dependencies['@org/connector-core']).toBe('workspace:^');
    expect(generated.devDependencies['@org/connector-conformance']).toBe('workspace:*');
    expect(generated.devDependencies['@org/mock-acme-mail']).toBe('workspace:*');
    expect(generated.devDependencies.msw).toBe('catalog:');

    const mock = await read(join(mockDir, 'package.json'));
    expect(mock.name).toBe('@org/mock-acme-mail');
    expect(mock.exports['.']).toEqual(core.exports['.']);
    expect(mock.scripts).toEqual(core.scripts);
    expect(mock.files).toEqual(['dist', 'bin']);
    expect(mock.bin).toEqual({ 'mock-acme-mail': './bin/mock-acme-mail.js' });
    expect(mock.peerDependencies).toEqual(mockResend.peerDependencies);
    expect(mock.peerDependenciesMeta).toEqual(mockResend.peerDependenciesMeta);
    expect(Object.keys(mock.devDependencies).sort()).toEqual(
      Object.keys(mockResend.devDependencies).sort(),
    );
  });

  it('imports the kit from @org/connector-core/provider, the mock only . and /testing', async () => {
    const root = await coreExports('index');
    const provider = await coreExports('provider');
    const providerOnly = [...provider].filter((name) => !root.has(name));
    expect(providerOnly).toContain('createErrorMapper');
    for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = await readFile(file, 'utf8');
      const where = relative(tmp, file);
      const entries = importsOf(text).filter((s) => s.startsWith('@org/connector-core'));
      const fromRoot = namesImportedFrom(text, '@org/connector-core');
      for (const name of fromRoot) {
        expect(root.has(name), `${where} imports ${name} from @org/connector-core`).toBe(true);
        expect(providerEntryNames, `${where}: ${name} is the kit's`).not.toContain(name);
      }
      for (const name of namesImportedFrom(text, '@org/connector-core/provider')) {
        expect(provider.has(name), `${where} imports ${name} from /provider`).toBe(true);
      }
      if (file.startsWith(`${mockDir}/`)) {
        expect(
          entries.every((s) => ['@org/connector-core', '@org/connector-core/testing'].includes(s)),
          where,
        ).toBe(true);
      } else {
        expect(entries, where).not.toContain('@org/connector-core/testing');
        if (!/\/src\/cli(\.ts|\/)/.test(file)) {
          expect(entries, where).not.toContain('@org/connector-core/cli');
        }
      }
    }
    for (const kit of ['connector.ts', 'transport.ts', 'error-mapping.ts', 'preflight.ts']) {
      const text = await readFile(join(packageDir, 'src', kit), 'utf8');
      expect(importsOf(text), kit).toContain('@org/connector-core/provider');
      expect(importsOf(text), kit).not.toContain('@org/connector-core');
    }
  });

  it('splits the CLI as the providers do: src/cli.ts runs the definition of src/cli/', async () => {
    const cli = await readFile(join(packageDir, 'src/cli.ts'), 'utf8');
    expect(importsOf(cli)).toEqual(['@org/connector-core/cli', './cli/acme-mail-cli.js']);
    expect(namesImportedFrom(cli, '@org/connector-core/cli')).toEqual(['runConnectorCliMain']);
    const definition = await readFile(join(packageDir, 'src/cli/acme-mail-cli.ts'), 'utf8');
    expect(definition).toMatch(/^export const acmeMailCli: ConnectorCliDefinition = \{$/m);
    expect(definition).not.toContain('runConnectorCliMain');
    const test = await readFile(join(packageDir, 'src/cli/acme-mail-cli.test.ts'), 'utf8');
    expect(importsOf(test)).toEqual(
      expect.arrayContaining([
        '@org/connector-core/cli',
        '@org/mock-acme-mail',
        './acme-mail-cli.js',
      ]),
    );
  });

  it('runs the conformance suite through msw and over the mock server, from one harness', async () => {
    const read = (file) => readFile(join(packageDir, 'test', file), 'utf8');
    const msw = await read('conformance.msw.test.ts');
    expect(importsOf(msw)).toEqual(
      expect.arrayContaining([
        '@org/connector-conformance',
        '@org/mock-acme-mail',
        'msw/node',
        './harness.js',
      ]),
    );
    expect(msw).toContain('setupServer(...mock.handlers)');
    expect(msw).toContain("onUnhandledRequest: 'error'");
    const server = await read('conformance.server.test.ts');
    expect(namesImportedFrom(server, '@org/mock-acme-mail')).toContain('startMockAcmeMailServer');
    expect(server).toContain('acmeMailHarness(local.mock, local.url)');
    const harness = await read('harness.ts');
    expect(namesImportedFrom(harness, '@org/connector-conformance')).toEqual([
      'ConformanceHarness',
      'conformanceTemplates',
    ]);
    expect(harness).toContain('mock: mock.asProviderMock()');
  });

  it('writes a changeset for the new package', async () => {
    const changeset = await readFile(join(changesetDir, 'connector-acme-mail-initial.md'), 'utf8');
    expect(changeset).toMatch(
      /^---\n"@org\/connector-acme-mail": minor\n"@org\/mock-acme-mail": minor\n---\n\n\S/,
    );
  });

  it('builds with tsup (ESM, CJS and types) and exports a working factory', async () => {
    const tsup = join(packageDir, 'node_modules/tsup/dist/cli-default.js');
    const build = await exec(process.execPath, [tsup], packageDir);
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js']) {
      expect(existsSync(join(packageDir, 'dist', file)), file).toBe(true);
    }
    const built = await import(pathToFileURL(join(packageDir, 'dist/index.js')).href);
    expect(built.acmeMailMetadata.provider).toBe('acme-mail');
    expect(built.defaultAcmeMailBaseUrl).toBe('https://api.acme-mail.example');
    const connector = built.createAcmeMailConnector({
      apiKey: 'acme-key',
      emailAddress: 'noreply@acme.example',
      templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
        usageType,
        subject: 'Code {{code}}',
        content: '<p>{{code}}</p>',
      })),
    });
    await expect(
      connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } }),
    ).rejects.toThrow('Not implemented: fill in src/acme-mail-request.ts (acmeMailEmailBody)');
    await expect(connector.check()).rejects.toThrow('Not implemented: fill in src/preflight.ts');
    await connector.close();
    expect(() => built.createAcmeMailConnector({ emailAddress: 'noreply@acme.example' })).toThrow(
      /apiKey/,
    );
  });

  it('ships a bin that runs the shared CLI on the built connector', async () => {
    // Runs after the tsup build above.
    const bin = join(packageDir, 'bin/acme-mail-connector.js');
    const help = await exec(process.execPath, [bin, '--help'], packageDir);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: acme-mail-connector <command> \[options\]/);
    expect(help.stdout).toContain('ACME_MAIL_API_KEY');
    expect(help.stdout).toContain('--base-url');

    const noFrom = await exec(
      process.execPath,
      [bin, 'test', '--to', 'ada@example.com'],
      packageDir,
    );
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain('No From address');

    // The request body is not written yet: nothing goes out (and the base URL never resolves).
    const sent = await exec(
      process.execPath,
      [bin, 'test', '--to', 'ada@example.com', '--from', 'Acme <noreply@acme.example>'],
      packageDir,
      { ACME_MAIL_API_KEY: 'acme-cli-key' },
    );
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain('Not implemented: fill in src/acme-mail-request.ts');
    expect(sent.stderr).not.toContain('acme-cli-key');
  });

  it('ships a mock bin that serves the mock on loopback', async () => {
    const bin = join(mockDir, 'bin/mock-acme-mail.js');
    const help = await exec(process.execPath, [bin, '--help'], mockDir);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mock-acme-mail \[options\]/);
    const bad = await exec(process.execPath, [bin, '--port', 'x'], mockDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port');
  });

  it('type-checks both packages with tsc', async () => {
    for (const dir of [mockDir, packageDir]) {
      const tsc = join(dir, 'node_modules/typescript/bin/tsc');
      const result = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
      expect(result.code, `${relative(tmp, dir)}: ${result.stdout}\n${result.stderr}`).toBe(0);
    }
  });

  // Every test of generated code that is complete passes; every other names the file to fill in.
  const namesAFile = /fill in src\/[\w-]+\.ts/;

  it("runs the mock's tests: the engine around the stubs works, the stubs name their file", async () => {
    const { code, tests } = await vitestResults(mockDir);
    expect(code, 'the tests fail until the stubs are filled in').not.toBe(0);
    const byName = (name) => tests.find((test) => test.title === name);
    for (const name of [
      'refuses a missing or unknown API key, and logs the request',
      'answers an unknown route with 404',
      'refuses an unknown fault kind and a times below 1',
      'serves the engine over HTTP on loopback, with its outbox',
      'reads the port, host and keys',
    ]) {
      expect(byName(name)?.status, name).toBe('passed');
    }
    expect(
      byName(
        'accepts an email, answers its id and stores it in the outbox',
      )?.failureMessages.join(),
    ).toContain('Not implemented: fill in src/parse-email.ts of @org/mock-acme-mail (parseEmail)');
    expect(
      byName('lists the wire forms of each provider-neutral fault')?.failureMessages.join(),
    ).toContain('Not implemented: fill in src/provider-mock.ts of @org/mock-acme-mail');
    for (const test of tests.filter((t) => t.status === 'failed')) {
      expect(test.failureMessages.join('\n'), test.fullName).toMatch(namesAFile);
    }
  });

  it('runs the conformance suite both ways, failing with messages that name the file to fill in', async () => {
    const { code, tests, files: testFiles } = await vitestResults(packageDir);
    expect(code, 'the suite fails until the skeleton is filled in').not.toBe(0);
    expect(testFiles.map((file) => relative(packageDir, file.name)).sort()).toEqual([
      'src/cli/acme-mail-cli.test.ts',
      'src/error-mapping.test.ts',
      'test/conformance.msw.test.ts',
      'test/conformance.server.test.ts',
      'test/wire.test.ts',
    ]);
    const inFile = (file) => tests.filter((test) => test.file === file);
    const named = (file, title) => inFile(file).find((test) => test.title === title);
    for (const file of ['test/conformance.msw.test.ts', 'test/conformance.server.test.ts']) {
      // What the skeleton already gets right passes...
      for (const title of [
        'each invalid config fails with invalid_config naming the field',
        'every secret config field is flagged secret in the form items',
      ]) {
        expect(named(file, title)?.status, `${file}: ${title}`).toBe('passed');
      }
      // ...and what is left to do fails, pointing at the file.
      expect(
        named(
          file,
          'Register: one email to the recipient with the code, subject and From',
        )?.failureMessages.join('\n'),
      ).toContain('Not implemented: fill in src/acme-mail-request.ts (acmeMailEmailBody)');
      const messages = inFile(file)
        .flatMap((test) => test.failureMessages)
        .join('\n');
      expect(messages).toContain('Not implemented: fill in src/preflight.ts (checkAcmeMail)');
      expect(messages).toContain(
        'Not implemented: fill in src/provider-mock.ts of @org/mock-acme-mail (the throttle variants)',
      );
    }
    // The generic rows of the error table, and the CLI's usage checks, pass already.
    for (const test of [...inFile('src/error-mapping.test.ts')]) {
      expect(test.status, test.fullName).toBe('passed');
    }
    expect(
      named('src/cli/acme-mail-cli.test.ts', '--help names the bin and the environment variable')
        ?.status,
    ).toBe('passed');
    for (const test of tests.filter((t) => t.status === 'failed')) {
      expect(test.failureMessages.join('\n'), test.fullName).toMatch(namesAFile);
    }
  });

  it('refuses an existing directory and a bad name from the command line', async () => {
    const again = await exec(
      process.execPath,
      [cli, 'acme-mail', '--dir', packageDir, '--changeset-dir', changesetDir],
      tmp,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const bad = await exec(process.execPath, [cli, 'Acme'], tmp);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('kebab-case');
  });

  it('creates a package from the command line with --dir', async () => {
    const dir = join(tmp, 'cli/other-mail');
    const result = await exec(
      process.execPath,
      [cli, 'other-mail', '--dir', dir, '--changeset-dir', join(tmp, 'cli/.changeset')],
      tmp,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Created @org/connector-other-mail and @org/mock-other-mail');
    expect(existsSync(join(dir, 'src/transport.ts'))).toBe(true);
    expect(existsSync(join(tmp, 'cli/mock-other-mail/src/index.ts'))).toBe(true);
    expect(existsSync(join(tmp, 'cli/.changeset/connector-other-mail-initial.md'))).toBe(true);
  });

  it('spells acronyms in capitals in the prose of a generated package', async () => {
    const dir = join(tmp, 'cli/smtp');
    const result = await exec(
      process.execPath,
      [cli, 'smtp', '--dir', dir, '--changeset-dir', join(tmp, 'cli/.changeset')],
      tmp,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(/^The SMTP email connector/m);
    expect(await readFile(join(dir, 'src/metadata.ts'), 'utf8')).toContain("name: 'SMTP',");
    // Identifiers keep their usual casing.
    expect(await readFile(join(dir, 'src/index.ts'), 'utf8')).toContain('createSmtpConnector');
    expect(await readFile(join(tmp, 'cli/.changeset/connector-smtp-initial.md'), 'utf8')).toContain(
      'Add the SMTP email connector',
    );
  });

  it('uses --display-name in the README, metadata and changeset', async () => {
    const dir = join(tmp, 'cli/ses-next');
    const changesets = join(tmp, 'cli/display-name-changesets');
    const result = await exec(
      process.execPath,
      [
        cli,
        'ses-next',
        '--display-name',
        'Amazon SES (v2)',
        '--dir',
        dir,
        '--changeset-dir',
        changesets,
      ],
      tmp,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(
      /^The Amazon SES \(v2\) email connector/m,
    );
    expect(await readFile(join(dir, 'src/metadata.ts'), 'utf8')).toContain(
      "name: 'Amazon SES (v2)',",
    );
    expect(await readFile(join(changesets, 'connector-ses-next-initial.md'), 'utf8')).toContain(
      'Add the Amazon SES (v2) email connector',
    );
    const bad = await exec(
      process.execPath,
      [
        cli,
        'ses-later',
        '--display-name',
        "O'Mail",
        '--dir',
        join(tmp, 'cli/ses-later'),
        '--changeset-dir',
        changesets,
      ],
      tmp,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a usable display name');
    expect(existsSync(join(tmp, 'cli/ses-later'))).toBe(false);
  });
});
