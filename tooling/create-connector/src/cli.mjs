#!/usr/bin/env node
// Plain JS on purpose: `pnpm gen:connector` runs without a build step.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeFiles, generateConnector, workspaceRoot } from './generate.mjs';

const usage = `Usage: pnpm gen:connector <name> [--display-name <text>] [--dir <path>] [--changeset-dir <path>]

Creates packages/<name> (@org/connector-<name>, an HTTP-API provider on the kit: config schema,
JSON-client transport with retries, request body, API error, error table, preflight, connector,
CLI, the conformance suite through msw and over the mock server, wire tests, README) and beside
it packages/mock-<name> (@org/mock-<name>: engine, msw handlers, local server and CLI, the
ProviderMock the suite drives), and a changeset.

  <name>                 lower-case kebab-case, e.g. postmark or mail-gun
  --display-name <text>  the name in prose (README, metadata, changeset), e.g. "Amazon SES";
                         default: <name> title-cased, known acronyms in capitals (smtp: SMTP)
  --dir <path>           write the package here instead of packages/<name>
                         (the mock package goes beside it, as mock-<name>)
  --changeset-dir <path> write the changeset here instead of .changeset/
  -h, --help             show this help`;

function fail(message) {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'display-name': { type: 'string' },
      dir: { type: 'string' },
      'changeset-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (positionals.length !== 1) fail('Give exactly one connector name.');

const [name] = positionals;
// pnpm runs root scripts from the workspace root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const packageDir = values.dir ? resolve(cwd, values.dir) : resolve(workspaceRoot, 'packages', name);
const changesetDir = values['changeset-dir']
  ? resolve(cwd, values['changeset-dir'])
  : resolve(workspaceRoot, '.changeset');

try {
  const { packageName, mockPackageName, files, formatProblem } = await generateConnector({
    name,
    displayName: values['display-name'],
    packageDir,
    changesetDir,
  });
  if (formatProblem) process.stderr.write(`Warning: ${formatProblem}\n`);
  process.stdout.write(`Created ${packageName} and ${mockPackageName}:
${describeFiles(cwd, files)}

Next:
  pnpm install
  pnpm --filter ${mockPackageName} build
  pnpm --filter ${packageName} build
  pnpm --filter ${packageName} test   # fails, each failure naming the file to fill in next
See CONTRIBUTING.md, "Adding a provider".
`);
} catch (error) {
  fail(error.message);
}
