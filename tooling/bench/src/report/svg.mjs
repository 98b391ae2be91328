import { machineLine } from '../lib/machine.mjs';

const esc = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );

const palette = { c1: '#4c78a8', c16: '#f58518' };

/**
 * Grouped horizontal bars, one row per sender or mock, one bar per concurrency, on a shared
 * axis of "× the baseline" with the baseline (1.0) and the target marked. Hand-written SVG
 * keeps the bench free of chart dependencies and the file diffable.
 */
export function renderThroughputSvg(report) {
  const sections = [];
  const send = report.benchmarks.send?.results;
  if (send) {
    sections.push({
      title: 'Send throughput vs one reused raw SESv2Client (higher is better)',
      target: { value: 0.9, label: 'target for ours 0.9×' },
      rows: rowsOf(send),
    });
  }
  const servers = report.benchmarks.servers?.results;
  if (servers) {
    sections.push({
      title: 'Mock SES throughput under raw-SDK load vs aws-ses-v2-local',
      target: { value: 1.5, label: 'target 1.5×' },
      rows: rowsOf(servers),
    });
  }
  const W = 760;
  const labelW = 250;
  const plotW = W - labelW - 70;
  const barH = 14;
  const rowGap = 10;
  const all = sections.flatMap((s) => s.rows.flatMap((r) => Object.values(r.values)));
  const max = Math.max(1.6, ...all.filter(Number.isFinite)) * 1.08;
  const x = (v) => labelW + (v / max) * plotW;

  const parts = [];
  let y = 30;
  parts.push(
    `<text x="16" y="${y}" class="h1">Throughput ratios — ${esc(report.date.slice(0, 10))}${report.config.quick ? ' (quick smoke run)' : ''}</text>`,
  );
  y += 18;
  parts.push(
    `<rect x="${labelW}" y="${y - 10}" width="10" height="10" fill="${palette.c1}"/><text x="${labelW + 14}" y="${y}" class="small">concurrency 1</text>`,
    `<rect x="${labelW + 120}" y="${y - 10}" width="10" height="10" fill="${palette.c16}"/><text x="${labelW + 134}" y="${y}" class="small">concurrency 16</text>`,
    `<line x1="${labelW + 240}" y1="${y - 4}" x2="${labelW + 256}" y2="${y - 4}" class="base"/><text x="${labelW + 260}" y="${y}" class="small">baseline 1.0×</text>`,
    `<line x1="${labelW + 345}" y1="${y - 4}" x2="${labelW + 361}" y2="${y - 4}" class="target"/><text x="${labelW + 365}" y="${y}" class="small">target</text>`,
  );
  y += 14;
  for (const s of sections) {
    y += 22;
    parts.push(`<text x="16" y="${y}" class="h2">${esc(s.title)}</text>`);
    y += 10;
    const top = y;
    for (const r of s.rows) {
      const rowH = 2 * barH + 2;
      parts.push(
        `<text x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end" class="label">${esc(r.label)}</text>`,
      );
      for (const [k, key] of ['c1', 'c16'].entries()) {
        const v = r.values[key];
        const by = y + k * (barH + 2);
        if (!Number.isFinite(v)) continue;
        parts.push(
          `<rect x="${labelW}" y="${by}" width="${Math.max(1, x(v) - labelW).toFixed(1)}" height="${barH}" fill="${palette[key]}"/>`,
          `<text x="${(x(v) + 4).toFixed(1)}" y="${by + barH - 3}" class="small value">${v.toFixed(2)}×</text>`,
        );
      }
      y += rowH + rowGap;
    }
    const bottom = y - rowGap + 4;
    parts.push(
      `<line x1="${x(1)}" y1="${top - 4}" x2="${x(1)}" y2="${bottom}" class="base"/>`,
      `<line x1="${x(s.target.value)}" y1="${top - 4}" x2="${x(s.target.value)}" y2="${bottom}" class="target"/>`,
      // Left of the line when the target sits left of the baseline, so the two never collide.
      s.target.value < 1
        ? `<text x="${x(s.target.value) - 3}" y="${bottom + 11}" text-anchor="end" class="small red">${esc(s.target.label)}</text>`
        : `<text x="${x(s.target.value) + 3}" y="${bottom + 11}" class="small red">${esc(s.target.label)}</text>`,
    );
    y = bottom + 14;
  }
  y += 18;
  parts.push(
    `<text x="16" y="${y}" class="small muted">${esc(machineLine(report.machine))}</text>`,
    `<text x="16" y="${y + 14}" class="small muted">${esc(`${report.config.n} messages per round, ${report.config.rounds} interleaved rounds, ratio = median of the per-round ratios; loopback HTTP; pnpm bench`)}</text>`,
  );
  for (const line of wrap(report.note ?? '', 120)) {
    parts.push(`<text x="16" y="${y + 28}" class="small muted">${esc(line)}</text>`);
    y += 14;
  }
  const H = y + 26;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="Throughput ratios">
<style>
text{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;fill:#24292f}
.h1{font-size:16px;font-weight:600}.h2{font-size:13px;font-weight:600}.label{font-size:12px}
.small{font-size:11px}.value{paint-order:stroke;stroke:#fff;stroke-width:3px}.muted{fill:#57606a}.red{fill:#cf222e}
.base{stroke:#24292f;stroke-width:1}.target{stroke:#cf222e;stroke-width:1;stroke-dasharray:4 3}
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
${parts.join('\n')}
</svg>
`;
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function rowsOf(results) {
  const byId = new Map();
  for (const [key, rows] of Object.entries(results)) {
    for (const [id, r] of Object.entries(rows)) {
      if (!byId.has(id)) byId.set(id, { label: r.label, values: {} });
      byId.get(id).values[key] = r.ratio;
    }
  }
  return [...byId.values()];
}
