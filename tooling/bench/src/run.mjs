#!/usr/bin/env node
// `pnpm bench [--quick] [--n 2000] [--rounds 5] [--only send,servers,…] [--note …] [--rerender]`; --help
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchColdStart } from './benches/cold-start.mjs';
import { benchFleet } from './benches/fleet.mjs';
import { benchMemory } from './benches/memory.mjs';
import { benchMockServers } from './benches/mock-servers.mjs';
import { benchPipeline } from './benches/pipeline.mjs';
import { benchSendThroughput, reasonOf } from './benches/send-throughput.mjs';
import { benchSizes } from './benches/sizes.mjs';
import { describeMachine, machineLine } from './lib/machine.mjs';
import { createProgress } from './lib/progress.mjs';
import { benchRoot } from './lib/worker.mjs';
import { finishReport } from './report/write.mjs';

const allBenches = ['send', 'servers', 'cold', 'sizes', 'pipeline', 'memory', 'fleet'];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    n: { type: 'string' },
    rounds: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    note: { type: 'string' },
    rerender: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  process.stdout.write(`Usage: pnpm bench [--quick] [--n N] [--rounds R] [--only ${allBenches.join(',')}] [--out DIR] [--note TEXT] [--rerender]
  --quick     smoke run (< 1 min): small N, 2 rounds; writes to results/quick/
  --n         messages per round (default 2000; quick 150)
  --rounds    interleaved rounds per sender and concurrency (default 5; quick 2)
  --only      run a subset of the benchmarks; the others' figures in <out>/latest.json are kept
  --out       where latest.json, latest.md and throughput.svg go (default results/)
  --note      a line stored with the results and shown under the chart (e.g. "machine shared with builds")
  --rerender  measure nothing: re-derive ratios and targets from <out>/latest.json and rewrite the outputs
`);
  process.exit(0);
}

const positiveInt = (value, name) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive integer, got "${value}"\n`);
    process.exit(2);
  }
  return n;
};

const quick = args.quick;
const only = args.only ? args.only.split(',').map((s) => s.trim()) : allBenches;
const unknown = only.filter((b) => !allBenches.includes(b));
if (unknown.length) {
  process.stderr.write(
    `--only: unknown benchmark ${unknown.join(', ')}; known: ${allBenches.join(', ')}\n`,
  );
  process.exit(2);
}
const config = {
  quick,
  n: args.n ? positiveInt(args.n, 'n') : quick ? 150 : 2000,
  rounds: args.rounds ? positiveInt(args.rounds, 'rounds') : quick ? 2 : 5,
  warmup: quick ? 60 : 500,
  concurrencies: [1, 16],
  coldRuns: quick ? 3 : 15,
  pipelineIterations: quick ? 2000 : 20000,
  pipelineRounds: quick ? 3 : 7,
  memorySends: quick ? 2000 : 20000,
  only,
};
// A quick run must not overwrite the committed full results the README shows.
const outDir = args.out ?? join(benchRoot, 'results', quick ? 'quick' : '');

if (args.rerender) {
  const saved = JSON.parse(readFileSync(join(outDir, 'latest.json'), 'utf8'));
  if (args.note) saved.note = args.note;
  finishReport(saved, outDir);
  process.exit(0);
}

const progress = createProgress();
const machine = describeMachine();
progress.log(`bench: ${machineLine(machine)}${quick ? ' (quick mode)' : ''}`);

const benchmarks = {};
const failures = [];
const step = async (name, fn) => {
  if (!only.includes(name)) return;
  try {
    benchmarks[name] = await fn();
  } catch (error) {
    failures.push(`${name}: ${reasonOf(error)}`);
    progress.log(`bench: ${name} failed: ${error instanceof Error ? error.stack : error}`);
  }
};

const load = {
  concurrencies: config.concurrencies,
  n: config.n,
  rounds: config.rounds,
  warmup: config.warmup,
  progress,
};
await step('sizes', () => benchSizes());
await step('cold', () => benchColdStart({ runs: config.coldRuns, progress }));
await step('pipeline', () =>
  benchPipeline({ iterations: config.pipelineIterations, rounds: config.pipelineRounds, progress }),
);
await step('send', () => benchSendThroughput(load));
await step('servers', () => benchMockServers(load));
await step('memory', () => benchMemory({ sends: config.memorySends, progress }));
await step('fleet', () => benchFleet({ quick, progress }));
progress.done();

const date = new Date().toISOString();
const report = {
  date,
  machine,
  ...(args.note ? { note: args.note } : {}),
  config: { ...config },
  benchmarks,
  measuredAt: Object.fromEntries(Object.keys(benchmarks).map((name) => [name, date])),
  failures,
};
// A run of some benchmarks (`--only`) replaces those in latest.json and keeps the others'
// figures, each with the date it was measured, so the committed tables stay whole.
const previousPath = join(outDir, 'latest.json');
if (only.length < allBenches.length && existsSync(previousPath)) {
  const previous = JSON.parse(readFileSync(previousPath, 'utf8'));
  const { targets: _targets, ...kept } = previous.benchmarks ?? {};
  const keptAt = Object.fromEntries(
    Object.keys(kept).map((name) => [name, previous.measuredAt?.[name] ?? previous.date]),
  );
  report.benchmarks = { ...kept, ...benchmarks };
  report.measuredAt = { ...keptAt, ...report.measuredAt };
}
finishReport(report, outDir);

// Our own packages must run; a peer that cannot run here is reported, not fatal.
const oursMissing = [
  benchmarks.send?.unavailable?.['org-connector'],
  benchmarks.servers?.unavailable?.['mock-ses'],
  benchmarks.servers?.unavailable?.['mock-ses-msw'],
  benchmarks.cold?.unavailable?.['org-connector'],
].filter(Boolean);
if (failures.length || oursMissing.length) {
  process.stderr.write(
    `bench: FAILED\n${[...failures, ...oursMissing.map((u) => `${u.label}: ${u.reason}`)].map((l) => `  ${l}`).join('\n')}\n`,
  );
  process.exit(1);
}
