import { runLoad } from './load.mjs';
import { median, mergeSorted, percentile, round } from './stats.mjs';

/** A contestant that sends in this process. */
export function localContestant({ id, label, send, beforeRound, cpu }) {
  return {
    id,
    label,
    beforeRound,
    cpu,
    round: ({ n, concurrency, onTick }) => runLoad(send, { n, concurrency, onTick }),
  };
}

/**
 * Runs every contestant for `rounds` rounds per concurrency, rotating the order each round
 * (A B C, B C A, …) so drift on a shared machine hits all alike. One warm-up per contestant
 * first. Throughput is the median of the rounds; latency percentiles pool every round.
 */
export async function runInterleaved(
  contestants,
  { concurrencies, n, rounds, warmup, progress, step },
) {
  for (const c of contestants) {
    progress.update(`${step}: warm-up`, c.label);
    await c.beforeRound?.();
    await c.round({ n: warmup, concurrency: Math.max(...concurrencies) });
    await c.round({ n: Math.min(warmup, 50), concurrency: 1 });
  }
  const results = {};
  for (const concurrency of concurrencies) {
    const samples = new Map(
      contestants.map((c) => [c.id, { rates: [], latencies: [], cpuUs: [], clientCpuUs: [] }]),
    );
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < contestants.length; k++) {
        const c = contestants[(r + k) % contestants.length];
        const label = `${step}: c=${concurrency} round ${r + 1}/${rounds} ${c.label}`;
        progress.update(label);
        await c.beforeRound?.();
        const cpu0 = await c.cpu?.();
        const res = await c.round({
          n,
          concurrency,
          onTick: (done, total) => progress.update(label, `${done}/${total}`),
        });
        const cpu1 = await c.cpu?.();
        const s = samples.get(c.id);
        s.rates.push(res.msgPerSec);
        s.latencies.push(Float64Array.from(res.latencies));
        if (Number.isFinite(res.cpuUsPerMsg)) s.clientCpuUs.push(res.cpuUsPerMsg);
        if (cpu0 && cpu1) s.cpuUs.push((cpu1.user - cpu0.user + cpu1.system - cpu0.system) / n);
      }
    }
    results[`c${concurrency}`] = Object.fromEntries(
      contestants.map((c) => {
        const s = samples.get(c.id);
        const sorted = mergeSorted(s.latencies);
        return [
          c.id,
          {
            label: c.label,
            concurrency,
            msgPerSec: round(median(s.rates), 1),
            roundsMsgPerSec: s.rates.map((v) => round(v, 1)),
            p50Ms: round(percentile(sorted, 50), 3),
            p99Ms: round(percentile(sorted, 99), 3),
            maxMs: round(sorted[sorted.length - 1], 3),
            ...(s.clientCpuUs.length ? { cpuUsPerMsg: round(median(s.clientCpuUs), 1) } : {}),
            ...(s.cpuUs.length ? { serverCpuUsPerMsg: round(median(s.cpuUs), 1) } : {}),
          },
        ];
      }),
    );
  }
  return results;
}

/**
 * Throughput of `row` relative to `base`: the median over rounds of the per-round ratio. Both
 * ran in the same round, minutes apart at most, so a load change on a shared machine between
 * rounds cancels out; a ratio of the two medians would not (they may come from different rounds).
 */
export function pairedRatio(row, base) {
  const a = row?.roundsMsgPerSec;
  const b = base?.roundsMsgPerSec;
  if (!a?.length || !b?.length || a.length !== b.length) return null;
  return round(median(a.map((v, i) => v / b[i])), 3);
}

/** Adds `ratio` (throughput relative to `baselineId`, paired by round) to each row. */
export function addRatios(results, baselineId) {
  for (const rows of Object.values(results)) {
    const base = rows[baselineId];
    for (const row of Object.values(rows)) row.ratio = base ? pairedRatio(row, base) : null;
  }
  return results;
}
