import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEngines } from './check-engines.mjs';

const roots = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function writePackage(dir, manifest) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
}

/** A workspace with one published package and a dependency chain a → b → c. */
function workspace({ promised, bEngines, cEngines }) {
  const root = mkdtempSync(join(tmpdir(), 'engines-'));
  roots.push(root);
  const pkg = join(root, 'packages', 'a');
  writePackage(pkg, {
    name: '@x/a',
    version: '1.0.0',
    engines: promised === undefined ? undefined : { node: promised },
    dependencies: { b: '^1' },
  });
  writePackage(join(pkg, 'node_modules', 'b'), {
    name: 'b',
    version: '1.2.0',
    engines: bEngines === undefined ? undefined : { node: bEngines },
    dependencies: { c: '^2' },
  });
  writePackage(join(root, 'node_modules', 'c'), {
    name: 'c',
    version: '2.0.1',
    engines: cEngines === undefined ? undefined : { node: cEngines },
  });
  writePackage(join(root, 'packages', 'private'), { name: 'p', private: true, version: '0.0.0' });
  return root;
}

describe('checkEngines', () => {
  it('passes when every dependency accepts the oldest promised Node', () => {
    const root = workspace({ promised: '>=20.19', bEngines: '>=18', cEngines: '>=20.0.0' });
    const { problems, checked } = checkEngines(root);
    expect(problems).toEqual([]);
    expect(checked).toEqual([{ name: '@x/a', promised: '>=20.19', dependencies: 2 }]);
  });

  it('names a transitive dependency that needs a newer Node, and the path to it', () => {
    const root = workspace({ promised: '>=20.19', bEngines: '>=18', cEngines: '>=22' });
    const { problems } = checkEngines(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('c@2.0.1 (via @x/a > b) requires node >=22');
    expect(problems[0]).toContain('Node 20.19.0 would be refused');
  });

  it('catches a dependency that caps the Node versions we test', () => {
    const root = workspace({ promised: '>=20.19', bEngines: '>=20 <25', cEngines: undefined });
    const { problems } = checkEngines(root, { testedMajors: [20, 22, 24, 26] });
    expect(problems[0]).toContain('b@1.2.0');
    expect(problems[0]).toContain('Node 26.999.0 would be refused');
  });

  it('requires published packages to state engines.node', () => {
    const root = workspace({ promised: undefined });
    expect(checkEngines(root).problems).toEqual([
      '@x/a: no engines.node field; published packages must state it',
    ]);
  });
});
