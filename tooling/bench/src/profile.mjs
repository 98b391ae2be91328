#!/usr/bin/env node
// pnpm --filter @org/bench profile -- [--side client|server|import] [--subject org-connector]
//   [--server mock-ses|aws-ses-v2-local] [--n 5000] [--concurrency 16] [--top 25] [--after sdk]
// Runs one sender against a mock server in another process with `node --cpu-prof` on one side
// (the sender, or the server under raw-SDK load) and prints where that side's CPU went: self
// time by package and by function. `--side import` profiles a cold import instead: a fresh
// process imports the cold-start target `--subject` (org-connector, org-core, zod, …), after
// `--after`'s imports (e.g. `sdk`, so only what ours adds to the SDK is sampled).
// Profiles stay in results/profiles/ (git-ignored).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeProfile } from './lib/cpu-profile.mjs';
import { runLoad } from './lib/load.mjs';
import { profileImport } from './lib/profile-import.mjs';
import { benchRoot, childEnv, spawnWorker } from './lib/worker.mjs';
import { subjects } from './subjects/index.mjs';

const { values: args } = parseArgs({
  options: {
    side: { type: 'string', default: 'client' },
    subject: { type: 'string' },
    n: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '16' },
    server: { type: 'string', default: 'mock-ses' },
    top: { type: 'string', default: '25' },
    after: { type: 'string' },
  },
});

const dir = join(benchRoot, 'results', 'profiles');
mkdirSync(dir, { recursive: true });
if (args.side === 'import') {
  const { subject, after, top } = args;
  process.stdout.write(profileImport({ subject, after, top: Number(top), dir }));
  process.exit(0);
}
const started = Date.now();
const n = Number(args.n);
const concurrency = Number(args.concurrency);
const serverSide = args.side === 'server';
const subjectId = args.subject ?? (serverSide ? 'raw-sdk' : 'org-connector');

const server = spawnWorker('server.mjs', {
  args: [args.server],
  execArgv: serverSide ? ['--cpu-prof', '--cpu-prof-dir', dir] : [],
});
let msgPerSec;
try {
  const { url } = await server.call('start');
  if (serverSide) {
    const sender = await subjects.find((s) => s.id === subjectId).create({ url });
    await runLoad(sender.send, { n: 300, concurrency });
    ({ msgPerSec } = await runLoad(sender.send, { n, concurrency }));
    await sender.close?.();
  } else {
    const run = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        join(benchRoot, 'src/workers/profile-load.mjs'),
        subjectId,
        url,
        args.n,
        args.concurrency,
      ],
      { cwd: benchRoot, env: childEnv(), encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    ({ msgPerSec } = JSON.parse(run.stdout.trim().split('\n').at(-1)));
  }
} finally {
  // The server writes its profile as it exits.
  await server.close();
}

const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f))
  .filter((f) => statSync(f).mtimeMs >= started)
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
const summary = summarizeProfile(file, { top: Number(args.top) });
process.stdout.write(
  `${serverSide ? `${args.server} server under ${subjectId} load` : `${subjectId} against ${args.server}`}: ` +
    `${Math.round(msgPerSec)} msg/s at concurrency ${concurrency} (profiled, so slower)\n` +
    `profile: ${file}\nbusy ${summary.busyShare}% of samples; self time of the busy part:\n\nby package\n` +
    summary.packages.map((p) => `  ${String(p.pct).padStart(5)}%  ${p.name}`).join('\n') +
    '\n\nby function\n' +
    summary.functions.map((f) => `  ${String(f.pct).padStart(5)}%  ${f.name}`).join('\n') +
    '\n',
);
