// Plain JS on purpose: `pnpm gen:connector` runs without a build step.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkConnectorName, checkDisplayName, connectorNames } from './names.mjs';

export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url));
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Formats the written files with the workspace's Biome and config: line breaks depend on the
 * length of the connector's name, so templates cannot be pre-formatted for every name.
 * @param {string[]} files
 * @returns {Promise<string | undefined>} why formatting failed, or undefined
 */
export async function formatWithBiome(files) {
  const biome = join(workspaceRoot, 'node_modules/.bin/biome');
  if (!existsSync(biome))
    return `Biome is not installed at ${biome}; run pnpm install, then pnpm format.`;
  try {
    await promisify(execFile)(biome, [
      'check',
      '--write',
      `--config-path=${join(workspaceRoot, 'biome.json')}`,
      // The ignore-file lookup fails for paths outside the repository (e.g. --dir /tmp/x).
      '--vcs-enabled=false',
      ...files,
    ]);
    return undefined;
  } catch (error) {
    return `Biome could not format the new files: ${String(error.stderr || error.message).slice(0, 500)}`;
  }
}

/** @param {string} dir @returns {Promise<string[]>} template paths relative to `dir` */
async function listTemplates(dir, prefix = '') {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? listTemplates(dir, path) : [path];
    }),
  );
  return files.flat().filter((path) => path.endsWith('.tpl'));
}

/** @param {string} text @param {Record<string, string>} names */
function fill(text, names) {
  return text.replace(/__[A-Z]+__/g, (token) => names[token] ?? token);
}

/**
 * @typedef {object} GenerateOptions
 * @property {string} name kebab-case connector name, e.g. `postmark`
 * @property {string} [displayName] the name in prose (README, metadata, changeset), e.g.
 *   `Amazon SES`; default: `name` title-cased with known acronyms in capitals (`smtp` → `SMTP`)
 * @property {string} packageDir where the package goes (must not exist yet)
 * @property {string} [mockDir] where its mock package goes (must not exist yet); default
 *   `mock-<name>` beside `packageDir`
 * @property {string} [changesetDir] where the changeset goes; none is written when absent
 * @property {boolean} [format] format the files with the workspace's Biome (default true)
 */

/**
 * Writes a new connector package and its sibling mock package from the templates (the layout
 * every provider follows, see layout.mjs).
 * @param {GenerateOptions} options
 * @returns {Promise<{ packageName: string, mockPackageName: string, files: string[], formatProblem?: string }>}
 *   absolute paths of the written files, and why formatting failed when it did
 */
export async function generateConnector({
  name,
  displayName,
  packageDir,
  mockDir = join(dirname(packageDir), `mock-${name}`),
  changesetDir,
  format = true,
}) {
  const problem =
    checkConnectorName(name) ??
    (displayName === undefined ? undefined : checkDisplayName(displayName));
  if (problem) throw new Error(problem);
  for (const dir of [packageDir, mockDir]) {
    if (existsSync(dir)) {
      throw new Error(`${dir} already exists: choose another name, or remove the directory first.`);
    }
  }
  const names = connectorNames(name, displayName);
  const written = [];
  for (const [kind, dir] of [
    ['connector', packageDir],
    ['mock', mockDir],
  ]) {
    const from = join(templatesDir, kind);
    for (const template of await listTemplates(from)) {
      // Paths take placeholders too: bin/__NAME__-connector.js.
      const target = join(dir, fill(template.slice(0, -'.tpl'.length), names));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, fill(await readFile(join(from, template), 'utf8'), names));
      if (template.startsWith('bin/')) await chmod(target, 0o755);
      written.push(target);
    }
  }
  if (changesetDir) {
    const target = join(changesetDir, `connector-${name}-initial.md`);
    await mkdir(changesetDir, { recursive: true });
    await writeFile(
      target,
      fill(await readFile(join(templatesDir, 'changeset.md.tpl'), 'utf8'), names),
    );
    written.push(target);
  }
  written.sort();
  // Not the changeset: Biome's markdown formatter reads its front matter as a heading.
  const packageFiles = written.filter(
    (file) =>
      !relative(packageDir, file).startsWith('..') || !relative(mockDir, file).startsWith('..'),
  );
  const formatProblem = format ? await formatWithBiome(packageFiles) : undefined;
  return {
    packageName: names.__PACKAGE__,
    mockPackageName: names.__MOCKPACKAGE__,
    files: written,
    ...(formatProblem === undefined ? {} : { formatProblem }),
  };
}

/** @param {string} from @param {string[]} files */
export function describeFiles(from, files) {
  return files.map((file) => `  ${relative(from, file)}`).join('\n');
}
