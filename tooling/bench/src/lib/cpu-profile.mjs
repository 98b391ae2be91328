import { readFileSync } from 'node:fs';

/** Which package a profiled function belongs to, from its script URL. */
export function packageOf(url) {
  if (!url) return '(native / gc / idle)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const ws = url.match(/\/(packages|tooling)\/([^/]+)\//);
  if (ws) return `workspace:${ws[1]}/${ws[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url;
}

/**
 * Self time of a V8 `.cpuprofile`, by package and by function. Samples are spread evenly over
 * the profile's duration, which is what DevTools does too.
 */
export function summarizeProfile(path, { top = 25 } = {}) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const byPackage = new Map();
  const byFunction = new Map();
  let idle = 0;
  for (const [id, count] of hits) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += count;
      continue;
    }
    const pkg = packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
    const file = url ? url.replace(/^.*\/(node_modules|packages|tooling)\//, '$1/') : '';
    const key = `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  }
  const busy = total - idle;
  const pct = (c) => Math.round((c / busy) * 1000) / 10;
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    samples: total,
    busyShare: Math.round((busy / total) * 1000) / 10,
    packages: sorted(byPackage).map(([name, c]) => ({ name, pct: pct(c) })),
    functions: sorted(byFunction)
      .slice(0, top)
      .map(([name, c]) => ({ name, pct: pct(c) })),
  };
}
