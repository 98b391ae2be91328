import { machineLine } from '../lib/machine.mjs';

const cell = (s) => s.replace(/\|/g, '\\|');

export function renderMarkdown(report, tables) {
  const out = [
    `# Benchmark results${report.config.quick ? ' (quick mode: smoke run, figures not representative)' : ''}`,
    '',
    `- Date: ${report.date}`,
    `- Machine: ${machineLine(report.machine)}`,
    `- Load average at start: ${report.machine.loadAverageAtStart.join(', ')}`,
    ...(report.note ? [`- Note: ${report.note}`] : []),
    `- Settings: ${report.config.n} messages per round, ${report.config.rounds} rounds interleaved, warm-up ${report.config.warmup}, concurrency ${report.config.concurrencies.join(' and ')}`,
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
