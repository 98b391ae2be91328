import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector, workspaceRoot } from './generate.mjs';
import { connectorLayoutProblems, mockLayoutProblems, workspaceLayout } from './layout.mjs';

describe('every package under packages/ follows the provider layout', () => {
  const packages = workspaceLayout(join(workspaceRoot, 'packages'));

  it('finds the providers, their mocks and the libraries', () => {
    const kinds = Object.fromEntries(packages.map((p) => [p.name, p.kind]));
    expect(kinds).toMatchObject({
      'aws-ses': 'connector',
      smtp: 'connector',
      'mock-ses': 'mock',
      'mock-smtp': 'mock',
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
});
