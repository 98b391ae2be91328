import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from './generate.mjs';

// The layout rule of CONTRIBUTING.md: a source module over ~300 lines says why, in a comment
// that starts `Over 300 lines`, or it is split. Tests are exempt.
const maxLines = 300;
const reason = /^\s*(\/\/|\*|\/\*)\s*Over 300 lines/m;

const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(entry.name) && !/\.test\.|\.d\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

describe('source module size', () => {
  const packagesDir = join(workspaceRoot, 'packages');
  const files = readdirSync(packagesDir).flatMap((name) => {
    try {
      return sourceFiles(join(packagesDir, name, 'src'));
    } catch {
      return [];
    }
  });

  it('finds the sources of every package', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it(`no module in packages/*/src is over ${maxLines} lines without a stated reason`, () => {
    const unexplained = files
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
      .filter(({ text }) => lineCount(text) > maxLines && !reason.test(text))
      .map(({ path, text }) => `${relative(workspaceRoot, path)} (${lineCount(text)} lines)`);
    expect(unexplained, 'split these, or say why in an "Over 300 lines" comment').toEqual([]);
  });
});
