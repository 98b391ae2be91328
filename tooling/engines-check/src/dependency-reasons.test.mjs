import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkDependencyReasons,
  dependencyReasons,
  pendingDependencyReasons,
  runtimeDependencies,
} from './dependency-reasons.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('every published package of this repository', () => {
  it('gives a reason for each runtime dependency in its README "## Dependencies" table', () => {
    const { problems, checked } = checkDependencyReasons(repoRoot, {
      pending: pendingDependencyReasons,
    });
    expect(problems).toEqual([]);
    expect(checked.map((c) => c.name)).toContain('@org/connector-aws-ses');
    expect(checked.map((c) => c.name)).toContain('@org/connector-core');
  });
});

const roots = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function workspace(manifest, readme) {
  const root = mkdtempSync(join(tmpdir(), 'reasons-'));
  roots.push(root);
  const dir = join(root, 'packages', 'a');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@x/a', ...manifest }));
  if (readme !== undefined) writeFileSync(join(dir, 'README.md'), readme);
  mkdirSync(join(root, 'packages', 'private'));
  writeFileSync(
    join(root, 'packages', 'private', 'package.json'),
    JSON.stringify({ name: 'p', private: true, dependencies: { left: '1' } }),
  );
  return root;
}

const table = (...rows) =>
  `# a\n\n## Dependencies\n\n| dependency | why |\n|---|---|\n${rows.join('\n')}\n\n## Errors\n\n| \`x\` | not a dependency row |\n`;

describe('checkDependencyReasons', () => {
  it('passes when every dependency and peer has a reason', () => {
    const root = workspace(
      { dependencies: { zod: '^4' }, peerDependencies: { msw: '^2' } },
      table(
        '| `zod` | validates the config at the boundary |',
        '| `msw` (optional peer) | only the in-process handlers |',
      ),
    );
    expect(checkDependencyReasons(root).problems).toEqual([]);
  });

  it('fails for a dependency without a row, with an empty reason, or without the section', () => {
    const missing = workspace(
      { dependencies: { zod: '^4', 'html-to-text': '^10' } },
      table('| `zod` | validates the config at the boundary |'),
    );
    expect(checkDependencyReasons(missing).problems).toEqual([
      '@x/a: the dependency html-to-text has no reason in README.md "## Dependencies"',
    ]);
    const empty = workspace({ dependencies: { zod: '^4' } }, table('| `zod` | – |'));
    expect(checkDependencyReasons(empty).problems).toHaveLength(1);
    const none = workspace({ optionalDependencies: { fsevents: '^2' } }, '# a\n');
    expect(checkDependencyReasons(none).problems).toEqual([
      '@x/a: README.md has no "## Dependencies" table; give a reason for fsevents',
    ]);
  });

  it('fails for a row naming a package that is no runtime dependency', () => {
    const root = workspace(
      { dependencies: {}, devDependencies: { vitest: '4' } },
      table('| `vitest` | runs the tests |'),
    );
    expect(checkDependencyReasons(root).problems).toEqual([
      '@x/a: README.md "## Dependencies" lists vitest, which is not a runtime dependency',
    ]);
  });

  it('reports a pending package apart, without failing', () => {
    const root = workspace({ dependencies: { zod: '^4' } }, '# a\n');
    const result = checkDependencyReasons(root, { pending: { '@x/a': 'later' } });
    expect(result.problems).toEqual([]);
    expect(result.pendingProblems).toHaveLength(1);
  });
});

describe('dependencyReasons and runtimeDependencies', () => {
  it('read the table rows of the section only', () => {
    const reasons = dependencyReasons(table('| `a` | first reason here |', '| `b` (peer) | x |'));
    expect([...reasons.entries()]).toEqual([
      ['a', 'first reason here'],
      ['b', 'x'],
    ]);
    expect(dependencyReasons('# no section\n')).toBeUndefined();
  });

  it('list dependencies, optional ones and peers, optional peers marked', () => {
    expect(
      runtimeDependencies({
        dependencies: { a: '1' },
        optionalDependencies: { b: '1' },
        peerDependencies: { c: '1', d: '1' },
        peerDependenciesMeta: { d: { optional: true } },
      }),
    ).toEqual([
      { name: 'a', kind: 'dependency' },
      { name: 'b', kind: 'optional' },
      { name: 'c', kind: 'peer' },
      { name: 'd', kind: 'optional peer' },
    ]);
  });
});
