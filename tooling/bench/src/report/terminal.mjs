const width = (s) => [...s].length;

function pad(s, w, align) {
  const gap = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'r' ? gap + s : s + gap;
}

export function renderTerminal(tables) {
  const out = [];
  for (const t of tables) {
    const widths = t.columns.map((c, i) => Math.max(width(c), ...t.rows.map((r) => width(r[i]))));
    const line = (cells) => cells.map((c, i) => pad(c, widths[i], t.align[i])).join('  ');
    out.push('', t.title, line(t.columns), widths.map((w) => '─'.repeat(w)).join('  '));
    for (const r of t.rows) out.push(line(r));
    for (const n of t.notes ?? []) out.push(`  note: ${n}`);
  }
  return `${out.join('\n')}\n`;
}
