import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from './generate.mjs';
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

describe('pnpm gen:connector', () => {
  let tmp;
  let packageDir;
  let mockDir;
  let changesetDir;
  let files;

  beforeAll(async () => {
    for (const built of [
      'packages/core/dist/index.d.ts',
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
      'packages/acme-mail/src/cli.ts',
      'packages/acme-mail/src/config-schema.ts',
      'packages/acme-mail/src/connector.ts',
      'packages/acme-mail/src/error-mapping.ts',
      'packages/acme-mail/src/index.ts',
      'packages/acme-mail/src/metadata.ts',
      'packages/acme-mail/src/transport.ts',
      'packages/acme-mail/test/conformance.test.ts',
      'packages/acme-mail/tsconfig.json',
      'packages/acme-mail/tsup.config.ts',
      'packages/acme-mail/vitest.config.ts',
      'packages/mock-acme-mail/README.md',
      'packages/mock-acme-mail/package.json',
      'packages/mock-acme-mail/src/index.ts',
      'packages/mock-acme-mail/tsconfig.json',
      'packages/mock-acme-mail/tsup.config.ts',
      'packages/mock-acme-mail/vitest.config.ts',
    ]);
    for (const file of files) expect(existsSync(file), file).toBe(true);
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

  it('gives the package the same shape as @org/connector-core', async () => {
    const generated = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
    const core = JSON.parse(
      await readFile(join(workspaceRoot, 'packages/core/package.json'), 'utf8'),
    );
    expect(generated.name).toBe('@org/connector-acme-mail');
    for (const key of ['type', 'sideEffects', 'engines', 'main', 'module', 'types']) {
      expect(generated[key], key).toEqual(core[key]);
    }
    expect(generated.files).toEqual([...core.files, 'bin']);
    expect(generated.bin).toEqual({ 'acme-mail-connector': './bin/acme-mail-connector.js' });
    expect(generated.exports['.']).toEqual(core.exports['.']);
    expect(generated.exports['./package.json']).toBe('./package.json');
    expect(generated.scripts).toEqual(core.scripts);
    expect(generated.dependencies['@org/connector-core']).toBe('workspace:^');
    expect(generated.devDependencies['@org/connector-conformance']).toBe('workspace:*');
    expect(generated.devDependencies['@org/mock-acme-mail']).toBe('workspace:*');
    const mock = JSON.parse(await readFile(join(mockDir, 'package.json'), 'utf8'));
    expect(mock.name).toBe('@org/mock-acme-mail');
    expect(mock.exports['.']).toEqual(core.exports['.']);
    expect(mock.peerDependencies['@org/connector-core']).toBe('workspace:^');
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
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
      expect(existsSync(join(packageDir, 'dist', file)), file).toBe(true);
    }
    const built = await import(pathToFileURL(join(packageDir, 'dist/index.js')).href);
    expect(built.acmeMailMetadata.provider).toBe('acme-mail');
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
    ).rejects.toThrow('Not implemented: fill in src/transport.ts (send)');
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

    const noFrom = await exec(
      process.execPath,
      [bin, 'test', '--to', 'ada@example.com'],
      packageDir,
    );
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain('No From address');

    const sent = await exec(
      process.execPath,
      [bin, 'test', '--to', 'ada@example.com', '--from', 'Acme <noreply@acme.example>'],
      packageDir,
      { ACME_MAIL_API_KEY: 'acme-cli-key' },
    );
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain('Not implemented: fill in src/transport.ts (send)');
    expect(sent.stderr).not.toContain('acme-cli-key');
  });

  it('type-checks with tsc', async () => {
    const tsc = join(packageDir, 'node_modules/typescript/bin/tsc');
    const result = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], packageDir);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it('runs the conformance suite, failing with messages that name the file to fill in', async () => {
    const vitest = join(packageDir, 'node_modules/vitest/vitest.mjs');
    const result = await exec(
      process.execPath,
      [vitest, 'run', '--reporter=json', '--outputFile=report.json'],
      packageDir,
    );
    expect(result.code, 'the suite fails until the skeleton is filled in').not.toBe(0);
    const report = JSON.parse(await readFile(join(packageDir, 'report.json'), 'utf8'));
    const tests = report.testResults.flatMap((file) => file.assertionResults);
    const byName = (name) => tests.find((test) => test.title === name);
    // What the skeleton already gets right passes...
    expect(byName('each invalid config fails with invalid_config naming the field')?.status).toBe(
      'passed',
    );
    expect(byName('every secret config field is flagged secret in the form items')?.status).toBe(
      'passed',
    );
    // ...and what is left to do fails, pointing at the file.
    const messages = tests.flatMap((test) => test.failureMessages).join('\n');
    expect(
      byName(
        'Register: one email to the recipient with the code, subject and From',
      )?.failureMessages.join('\n'),
    ).toContain('Not implemented: fill in src/transport.ts (send)');
    expect(messages).toContain(
      'Not implemented: fill in src/index.ts of @org/mock-acme-mail (inject)',
    );
    const failed = tests.filter((test) => test.status === 'failed');
    for (const test of failed) {
      expect(test.failureMessages.join('\n'), test.fullName).toMatch(/fill in src\/[\w-]+\.ts/);
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
