import { summarizeColdStart } from '../benches/cold-start.mjs';
export const fmt = {
  rate: (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–'),
  ms: (v) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '–'),
  us: (v) => (Number.isFinite(v) ? v.toFixed(v < 100 ? 1 : 0) : '–'),
  ratio: (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–'),
  mib: (v) => (Number.isFinite(v) ? v.toFixed(1) : '–'),
  signed: (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}` : '–'),
  signedMib: (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}` : '–'),
  bytes: (v) => {
    if (!Number.isFinite(v)) return '–';
    if (v < 1024) return `${v} B`;
    if (v < 1024 ** 2) return `${(v / 1024).toFixed(1)} KiB`;
    return `${(v / 1024 ** 2).toFixed(2)} MiB`;
  },
};

/** The cells every load-test row starts with: who, how many in flight, and how fast. */
const loadCells = (r) => [
  r.label,
  String(r.concurrency),
  fmt.rate(r.msgPerSec),
  fmt.ratio(r.ratio),
  fmt.ms(r.p50Ms),
  fmt.ms(r.p99Ms),
];

/** The tables every output shares: `{ title, note?, columns, rows }`, rows of strings. */
export function buildTables(report) {
  const tables = [];
  const { send, servers, cold, sizes, pipeline, memory, fleet, targets } = report.benchmarks;

  if (send) {
    tables.push({
      title: `Send throughput (${report.config.n} messages per round, ${report.config.rounds} rounds, server: ${send.server})`,
      columns: ['sender', 'conc.', 'msg/s', 'vs raw SDK', 'p50 ms', 'p99 ms', 'client CPU µs/msg'],
      align: 'lrrrrrr',
      rows: Object.values(send.results).flatMap((rows) =>
        Object.values(rows).map((r) => [...loadCells(r), fmt.us(r.cpuUsPerMsg)]),
      ),
      notes: [
        'vs raw SDK: the median over rounds of the per-round throughput ratio (both ran in the same round).',
        'client CPU: CPU time of the sending process per message (user + system), steadier than msg/s on a busy machine.',
        ...unavailableNotes(send.unavailable),
      ],
    });
  }
  if (servers) {
    tables.push({
      title: `Mock SES under the same load (${servers.load})`,
      columns: [
        'mock',
        'conc.',
        'msg/s',
        'vs aws-ses-v2-local',
        'p50 ms',
        'p99 ms',
        'server CPU µs/msg',
        'client CPU µs/msg',
      ],
      align: 'lrrrrrrr',
      rows: Object.values(servers.results).flatMap((rows) =>
        Object.values(rows).map((r) => [
          ...loadCells(r),
          r.serverCpuUsPerMsg === undefined ? 'in client' : fmt.us(r.serverCpuUsPerMsg),
          fmt.us(r.cpuUsPerMsg),
        ]),
      ),
      notes: [
        'vs aws-ses-v2-local: the median over rounds of the per-round throughput ratio.',
        'server CPU: CPU time of the mock process per message. msw runs the mock inside the client process, so there the client CPU includes the mock.',
        ...unavailableNotes(servers.unavailable),
      ],
    });
  }
  if (cold) {
    const rows = Object.values(summarizeColdStart(cold));
    tables.push({
      title: `Cold start, import only: a fresh node process imports the package and exits (median of ${cold.runs} interleaved runs)`,
      columns: [
        'package',
        'import ms',
        'vs SDK',
        'process wall ms',
        'vs SDK',
        'process CPU ms',
        'vs SDK',
        'peak RSS MiB',
        'over bare node: wall / CPU ms / RSS MiB',
      ],
      align: 'lrrrrrrrr',
      rows: rows.map((r) => [
        r.label,
        fmt.ms(r.importMs),
        fmt.ratio(r.importRatio),
        fmt.ms(r.wallMs),
        fmt.ratio(r.wallRatio),
        fmt.ms(r.cpuMs),
        fmt.ratio(r.cpuRatio),
        fmt.mib(r.rssMiB),
        r.label.startsWith('node,')
          ? '–'
          : `${fmt.signed(r.overBareWallMs)} / ${fmt.signed(r.overBareCpuMs)} / ${fmt.signedMib(r.overBareRssMiB)}`,
      ]),
      notes: [
        'import ms: inside the process, from just before the first import to its end. Process wall: spawn to exit, node’s own start-up included (what the issue calls whole-process). CPU: user + system of the whole process; RSS: its peak.',
        'vs SDK: the median over rounds of the per-round ratio to `@aws-sdk/client-sesv2` alone (both ran in the same round). Over bare node: minus the medians of `node` importing nothing, run the same way.',
        ...unavailableNotes(cold.unavailable),
      ],
    });
    const senders = rows.filter((r) => r.createMs !== undefined);
    if (senders.length) {
      tables.push({
        title: `Cold start, import + create + first send to @org/mock-ses (ms from the first import, cumulative; median of ${cold.runs} interleaved runs)`,
        columns: [
          'package',
          '+ create ms',
          'vs SDK',
          '+ first send ms',
          'vs SDK',
          'process wall ms',
          'vs SDK',
          'process CPU ms',
          'vs SDK',
          'peak RSS MiB',
        ],
        align: 'lrrrrrrrrr',
        rows: senders.map((r) => [
          r.label,
          fmt.ms(r.createMs),
          fmt.ratio(r.createRatio),
          fmt.ms(r.firstSendMs),
          fmt.ratio(r.firstSendRatio),
          fmt.ms(r.sendWallMs),
          fmt.ratio(r.sendWallRatio),
          fmt.ms(r.sendCpuMs),
          fmt.ratio(r.sendCpuRatio),
          fmt.mib(r.sendRssMiB),
        ]),
        notes: [
          'The SDK sends a pre-rendered SendEmail; ours validates the config on create (loading zod) and renders the template with its plain-text part on the first send (loading html-to-text).',
        ],
      });
    }
  }
  if (sizes) {
    tables.push({
      title: 'Size: published files, dist/, and the production dependency closure (deduplicated)',
      columns: ['package', 'version', 'published', 'dist/', 'with deps', 'packages'],
      align: 'lrrrrr',
      rows: Object.values(sizes.results).map((r) => [
        r.label,
        r.version,
        fmt.bytes(r.packageBytes),
        r.distBytes === null ? '–' : fmt.bytes(r.distBytes),
        fmt.bytes(r.closureBytes),
        String(r.closurePackages),
      ]),
      notes: unavailableNotes(sizes.unavailable),
    });
    const published = Object.values(sizes.published ?? {});
    if (published.length) {
      tables.push({
        title:
          'Install footprint of every published package: the production dependency closure (deduplicated)',
        columns: [
          'package',
          'published',
          'packages installed',
          'bytes installed',
          'with required peers: packages',
          'bytes',
        ],
        align: 'lrrrrr',
        rows: published.map((r) => [
          r.label,
          fmt.bytes(r.packageBytes),
          String(r.closurePackages),
          fmt.bytes(r.closureBytes),
          String(r.closureWithPeersPackages),
          fmt.bytes(r.closureWithPeersBytes),
        ]),
        notes: [
          'installed: the package, its `dependencies` and installed `optionalDependencies`, transitively (what `npm i` adds when the app has none of them). Required peers: npm 7+ installs them too unless the app already has them (vitest for the conformance suite, core for the mocks).',
        ],
      });
      tables.push({
        title:
          'Runtime dependencies of the published packages, what each brings, and why (from each package README’s "Dependencies" table)',
        columns: ['package', 'dependency', 'kind', 'brings: packages', 'bytes', 'why'],
        align: 'llllrl',
        rows: published.flatMap((r) =>
          r.dependencies.map((d) => [
            r.label,
            d.name,
            d.kind,
            d.installed ? String(d.closurePackages) : 'not installed',
            d.installed ? fmt.bytes(d.closureBytes) : '–',
            d.reason ?? 'NO REASON GIVEN',
          ]),
        ),
        notes: [
          'brings: the dependency with its own closure (peers excluded), shared parts counted in each row. `pnpm check:engines` and the engines-check tests fail when a runtime dependency has no reason.',
        ],
      });
    }
  }
  if (pipeline) {
    tables.push({
      title: 'Pipeline cost per message, in-process, no I/O (median of rounds)',
      columns: [
        'template',
        'bytes',
        'selectTemplate + renderTemplate µs',
        'sendMessage, no-op transport µs',
      ],
      align: 'lrrr',
      rows: Object.entries(pipeline.results).map(([name, r]) => [
        name === 'large' ? '20 KB HTML' : 'short HTML',
        String(r.templateBytes),
        fmt.us(r.selectRenderUs),
        fmt.us(r.sendMessageUs),
      ]),
      notes: pipeline.error ? [`not measured: ${pipeline.error}`] : [],
    });
  }
  if (memory) {
    tables.push({
      title: 'Memory around sends (after gc; concurrency 16; warmed up first)',
      columns: [
        'sender',
        'sends',
        'heap before MiB',
        'heap after MiB',
        'heap growth',
        'RSS before MiB',
        'RSS after MiB',
        'RSS growth',
      ],
      align: 'lrrrrrrr',
      rows: Object.values(memory.results).map((r) => [
        r.label,
        String(r.sends),
        fmt.mib(r.before.heapUsedMiB),
        fmt.mib(r.after.heapUsedMiB),
        fmt.signedMib(r.growth.heapUsedMiB),
        fmt.mib(r.before.rssMiB),
        fmt.mib(r.after.rssMiB),
        fmt.signedMib(r.growth.rssMiB),
      ]),
      notes: memory.error ? [`not measured: ${memory.error}`] : [],
    });
  }
  if (fleet) tables.push(...fleetTables(fleet));
  if (targets) {
    tables.push({
      title: 'Targets (read from this run, not asserted)',
      columns: ['target', 'measured', 'status'],
      align: 'lll',
      rows: targets.map((t) => [t.target, t.measured, t.status]),
      notes: [],
    });
  }
  return tables;
}

function unavailableNotes(unavailable = {}) {
  return Object.values(unavailable).map((u) => `${u.label} could not run here: ${u.reason}`);
}

/** The fleet bench: 4 processes sharing one Redis against one rate-limited mock SES. */
function fleetTables(fleet) {
  const { rate, idempotency, recipientLimit, overhead } = fleet;
  const errors =
    Object.entries(rate.errors)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || 'none';
  return [
    {
      title: `Fleet: ${fleet.workers} processes (${fleet.clients}), one Redis (${fleet.redis}), mock SES at MaxSendRate ${rate.maxSendRate}`,
      columns: ['what', 'measured'],
      align: 'll',
      rows: [
        ['sends accepted / asked', `${rate.sent} / ${rate.messages} (errors: ${errors})`],
        ['throttled by SES', String(rate.throttledAtSes)],
        ['achieved rate', `${rate.achievedPerSecond}/s in ${fmt.ms(rate.elapsedMs / 1000)} s`],
        ['utilisation of MaxSendRate', `${(100 * rate.utilization).toFixed(1)} %`],
        [
          'unpaced ceiling of the 4 here',
          `${rate.unpacedCeilingPerSecond}/s (the machine's bound on the rate)`,
        ],
        [
          'one idempotency key from all',
          `${idempotency.calls} calls → ${idempotency.acceptedAtSes} sent, ${idempotency.distinctResults} distinct result(s)`,
        ],
        [
          `recipientLimit max ${recipientLimit.max} across all`,
          `${recipientLimit.attempts} tries → ${recipientLimit.acceptedAtSes} sent, ${recipientLimit.refused} refused (${recipientLimit.refusedAs.join(', ')})`,
        ],
      ],
      notes: [
        'utilisation: the ideal time for the messages at MaxSendRate over the measured time (first start to last success).',
      ],
    },
    {
      title: `Fleet: per-send latency on loopback, memory vs Redis stores (${overhead.sendsPerSide} sequential sends each; key + recipient limit + pacing)`,
      columns: ['stores', 'p50 ms', 'p99 ms'],
      align: 'lrr',
      rows: [
        ['memory', fmt.ms(overhead.memoryMs.p50), fmt.ms(overhead.memoryMs.p99)],
        ['Redis', fmt.ms(overhead.redisMs.p50), fmt.ms(overhead.redisMs.p99)],
        ['added by Redis', fmt.ms(overhead.addedMs.p50), fmt.ms(overhead.addedMs.p99)],
        ['ratio', fmt.ratio(overhead.ratio.p50), fmt.ratio(overhead.ratio.p99)],
      ],
      notes: ['Interleaved rounds in one process; the mock SES answers each send.'],
    },
  ];
}
