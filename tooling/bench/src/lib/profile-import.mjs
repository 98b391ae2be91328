import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { coldTargets } from '../benches/cold-start.mjs';
import { summarizeProfile } from './cpu-profile.mjs';
import { benchRoot, childEnv } from './worker.mjs';

function targetOf(id) {
  const target = coldTargets.find((t) => t.id === id);
  if (!target?.specifiers.length) {
    const known = coldTargets.filter((t) => t.specifiers.length).map((t) => t.id);
    throw new Error(`unknown cold-start target ${id}; known: ${known.join(', ')}`);
  }
  return target;
}

/**
 * Where a cold import's time goes: a fresh process imports the cold-start target `subject`
 * (after `after`'s imports, which are not sampled) under the inspector's profiler; returns the
 * summary text: self time by package and by function.
 */
export function profileImport({ subject = 'org-connector', after, interval = 50, top = 25, dir }) {
  const target = targetOf(subject);
  const before = after ? targetOf(after).specifiers : [];
  const file = join(dir, `import-${target.id}-${Date.now()}.cpuprofile`);
  const run = spawnSync(
    process.execPath,
    [
      join(benchRoot, 'src/workers/profile-import.mjs'),
      file,
      String(interval),
      target.specifiers.at(-1),
      ...before,
      ...target.specifiers.slice(0, -1),
    ],
    {
      cwd: target.from === 'core' ? join(benchRoot, 'node_modules/@org/connector-core') : benchRoot,
      env: childEnv(),
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const { importMs } = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const summary = summarizeProfile(file, { top });
  return (
    `import of ${target.label}${after ? ` after ${targetOf(after).label}` : ''}: ${importMs.toFixed(1)} ms (sampled every ${interval} µs, so slower)\n` +
    `profile: ${file}\nbusy ${summary.busyShare}% of samples; self time of the busy part:\n\nby package\n` +
    summary.packages.map((p) => `  ${String(p.pct).padStart(5)}%  ${p.name}`).join('\n') +
    '\n\nby function\n' +
    summary.functions.map((f) => `  ${String(f.pct).padStart(5)}%  ${f.name}`).join('\n') +
    '\n'
  );
}
