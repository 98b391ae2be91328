import type { ConnectorError } from '../connector-error.js';
import type { CheckReport, SendResult } from '../contract.js';

const statusLabel = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/** The check report as a table a person reads in a terminal. */
export function formatCheckReport(report: CheckReport, heading: string): string {
  const nameWidth = Math.max(5, ...report.checks.map((c) => c.name.length));
  const indent = ' '.repeat(2 + 8 + nameWidth + 2);
  const out = [heading, '', `  ${'STATUS'.padEnd(8)}${'CHECK'.padEnd(nameWidth + 2)}DETAIL`];
  for (const item of report.checks) {
    const [first = '', ...rest] = wrap(item.detail, 72);
    out.push(`  ${statusLabel[item.status].padEnd(8)}${item.name.padEnd(nameWidth + 2)}${first}`);
    for (const line of rest) out.push(`${indent}${line}`);
    if (item.hint) {
      const [hintFirst = '', ...hintRest] = wrap(item.hint, 70);
      out.push(`${indent}→ ${hintFirst}`);
      for (const line of hintRest) out.push(`${indent}  ${line}`);
    }
  }
  const count = (status: 'warn' | 'fail') =>
    report.checks.filter((c) => c.status === status).length;
  const warnings = count('warn');
  const failures = count('fail');
  const tail = [
    failures > 0 ? `${failures} failed` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  out.push('', `Result: ${report.ok ? 'OK' : 'FAILED'}${tail ? ` (${tail})` : ''}`);
  return `${out.join('\n')}\n`;
}

/** A sent email's ids and attempts, then `extra` rows (e.g. the masked code). */
export function formatSendResult(
  title: string,
  result: SendResult,
  extra: Record<string, string> = {},
): string {
  const rows: [string, string][] = [
    ['message id', result.messageId],
    ...(result.requestId === undefined
      ? []
      : [['request id', result.requestId] as [string, string]]),
    ['attempts', String(result.attempts)],
    ...Object.entries(extra),
  ];
  return `${title}\n${rows.map(([k, v]) => `  ${k.padEnd(11)}${v}`).join('\n')}\n`;
}

/**
 * The error, its hint and a details line. `providerCodeLabel` names what `providerCode` is
 * (`SES error MessageRejected`, `SMTP 550 5.1.1`).
 */
export function formatConnectorError(error: ConnectorError, providerCodeLabel: string): string {
  const out = [`Error [${error.code}]: ${error.message}`];
  if (error.hint) out.push(`  hint: ${error.hint}`);
  const details = [
    error.providerCode ? `${providerCodeLabel} ${error.providerCode}` : '',
    error.requestId ? `request id ${error.requestId}` : '',
    error.attempts !== undefined
      ? `${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`
      : '',
    `retryable: ${error.retryable ? 'yes' : 'no'}`,
  ].filter((part) => part !== '');
  out.push(`  ${details.join(', ')}`);
  return `${out.join('\n')}\n`;
}
