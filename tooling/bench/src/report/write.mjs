import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRatios } from '../lib/interleave.mjs';
import { buildTables } from './format.mjs';
import { renderMarkdown } from './markdown.mjs';
import { renderThroughputSvg } from './svg.mjs';
import { evaluateTargets } from './targets.mjs';
import { renderTerminal } from './terminal.mjs';

/**
 * Derives the ratios and targets from the raw figures, prints the tables and writes
 * latest.json, latest.md and throughput.svg. Also used by `--rerender` on a saved report, so
 * a change to how figures are derived or shown never needs a new run.
 */
export function finishReport(report, outDir, stdout = process.stdout) {
  const { benchmarks } = report;
  if (benchmarks.send?.results) addRatios(benchmarks.send.results, 'raw-sdk');
  if (benchmarks.servers?.results) addRatios(benchmarks.servers.results, 'aws-ses-v2-local');
  benchmarks.targets = evaluateTargets(benchmarks);
  const tables = buildTables(report);
  stdout.write(renderTerminal(tables));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.md'), renderMarkdown(report, tables));
  writeFileSync(join(outDir, 'throughput.svg'), renderThroughputSvg(report));
  stdout.write(`\nWrote ${join(outDir, 'latest.json')}, latest.md and throughput.svg\n`);
}
