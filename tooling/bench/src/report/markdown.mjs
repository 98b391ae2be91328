import { machineLine } from '../lib/machine.mjs';

const cell = (s) => s.replace(/\|/g, '\\|');

export function renderMarkdown(report, tables) {
  const out = [
    `# Benchmark results${report.config.quick ? ' (quick mode: smoke run, figures not representative)' : ''}`,
    '',
    `- Date: ${report.date}`,
    ...measuredLines(report),
    `- Machine: ${machineLine(report.machine)}`,
    `- Load average at start: ${report.machine.loadAverageAtStart.join(', ')}`,
    ...(report.note ? [`- Note: ${report.note}`] : []),
    `- Settings: ${report.config.n} messages per round, ${report.config.rounds} rounds interleaved, warm-up ${report.config.warmup}, concurrency ${report.config.concurrencies.join(' and ')}; cold start ${report.config.coldRuns} runs`,
    '- Regenerate: `pnpm bench` (full) or `pnpm bench --quick` (smoke); see tooling/bench/README.md.',
    '',
    '![Throughput relative to the raw SDK](./throughput.svg)',
  ];
  for (const t of tables) {
    out.push('', `## ${t.title}`, '');
    out.push(`| ${t.columns.map(cell).join(' | ')} |`);
    out.push(`|${[...t.align].map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const r of t.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
    if (t.notes?.length) out.push('', ...t.notes.map((n) => `> ${n}`));
  }
  if (report.analysis?.length)
    out.push('', '## Notes', '', ...report.analysis.map((a) => `- ${a}`));
  return `${out.join('\n')}\n`;
}

/** When some benchmarks were carried over from an earlier run (`--only`), when each ran. */
function measuredLines(report) {
  const byDate = new Map();
  for (const [name, date] of Object.entries(report.measuredAt ?? {})) {
    const day = date.slice(0, 10);
    byDate.set(day, [...(byDate.get(day) ?? []), name]);
  }
  if (byDate.size < 2) return [];
  const parts = [...byDate.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, names]) => `${names.join(', ')} on ${day}`);
  return [
    `- Measured: ${parts.join('; ')} (\`pnpm bench --only\` keeps the figures it does not rerun)`,
  ];
}
