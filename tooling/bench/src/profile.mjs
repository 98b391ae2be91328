#!/usr/bin/env node
// `pnpm --filter @org/bench profile -- [--subject org-connector] [--n 5000] [--concurrency 16] [--server mock-ses]`
// Runs one sender under `node --cpu-prof` against a mock server in another process and prints
// where its CPU went (self time by package and by function). The profile stays in results/profiles/.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeProfile } from './lib/cpu-profile.mjs';
import { benchRoot, childEnv, spawnWorker } from './lib/worker.mjs';

const { values: args } = parseArgs({
  options: {
    subject: { type: 'string', default: 'org-connector' },
    n: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '16' },
    server: { type: 'string', default: 'mock-ses' },
    top: { type: 'string', default: '25' },
  },
});

const dir = join(benchRoot, 'results', 'profiles');
mkdirSync(dir, { recursive: true });
const server = spawnWorker('server.mjs', { args: [args.server] });
try {
  const { url } = await server.call('start');
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, join(benchRoot, 'src/workers/profile-load.mjs'), args.subject, url, args.n, args.concurrency],
    { cwd: benchRoot, env: childEnv(), encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).mtimeMs >= started)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const summary = summarizeProfile(file, { top: Number(args.top) });
  const { msgPerSec } = JSON.parse(run.stdout.trim().split('\n').at(-1));
  process.stdout.write(
    `${args.subject}: ${Math.round(msgPerSec)} msg/s at concurrency ${args.concurrency} (profiled, so slower)\n` +
      `profile: ${file}\nbusy ${summary.busyShare}% of samples; self time of the busy part:\n\nby package\n` +
      summary.packages.map((p) => `  ${String(p.pct).padStart(5)}%  ${p.name}`).join('\n') +
      '\n\nby function\n' +
      summary.functions.map((f) => `  ${String(f.pct).padStart(5)}%  ${f.name}`).join('\n') +
      '\n',
  );
} finally {
  await server.close();
}
