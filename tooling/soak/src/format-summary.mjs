const list = (counts) =>
  Object.entries(counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

/** The summary as an aligned two-column table, then the verdict. */
export function formatSummary(summary) {
  const { options: o } = summary;
  const rows = [
    ['sent', String(summary.sent)],
    ['ok (message id)', String(summary.ok)],
    [
      'failed (typed ConnectorError)',
      `${summary.failed}${summary.failed > 0 ? `  (${list(summary.failedByCode)})` : ''}`,
    ],
    ['hangs / untyped errors', `${summary.hangs} / ${summary.untyped}`],
    [
      'SendEmail attempts at the mock',
      `${summary.attempts}  (retried attempts ${summary.retries})`,
    ],
    ['faults injected', list(summary.faultsInjected) || 'none'],
    ['outbox', String(summary.outbox)],
    [
      'duplicates (accepted, then timed out)',
      `${summary.duplicates}  (from held answers ${summary.duplicatesFromLateAnswers}, failed sends delivered anyway ${summary.failedButDelivered})`,
    ],
    ['outbox - duplicates', `${summary.outbox - summary.duplicates}  (= ok ${summary.ok})`],
    [
      'latency p50 / p99 / max',
      `${summary.latencyMs.p50} / ${summary.latencyMs.p99} / ${summary.latencyMs.max} ms`,
    ],
    [
      'throughput',
      `${summary.sendsPerSecond} sends/s over ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    ],
    [
      'heap after gc: before / after',
      `${summary.heap.beforeMb} / ${summary.heap.afterMb} MB  (growth ${summary.heap.growthMb} MB)`,
    ],
    ['unhandled rejections', String(summary.unhandledRejections)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `soak: ${o.n} sends, concurrency ${o.concurrency}, fault rate ${o.faultRate}, seed ${o.seed}, requestTimeoutMs ${o.timeoutMs}, maxAttempts ${o.maxAttempts}`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
  ];
  if (summary.violations.length === 0) {
    lines.push('every invariant holds');
  } else {
    lines.push(`INVARIANTS BROKEN (${summary.violations.length}):`);
    for (const violation of summary.violations) lines.push(`  - ${violation}`);
  }
  return lines.join('\n');
}
