import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as fx from '../lib/fixtures.mjs';
import { median, round } from '../lib/stats.mjs';
import { benchRoot, childEnv, errorLine, spawnWorker } from '../lib/worker.mjs';

const json = JSON.stringify;
const url = 'process.env.BENCH_URL';
const creds = json(fx.credentials);
const oursConfig = `{...${json(fx.logtoConfig())},endpoint:${url}}`;
const sendInput = json({ to: fx.recipient(0), type: 'SignIn', payload: { code: fx.code(0) } });

/**
 * What a serverless cold start pays: a fresh `node` importing each package (`import`), then
 * creating what sends without sending (`create`, with the modules as `m0`, `m1`, … and the
 * result as `c`), then one send to a mock server in another process (`send`). `from: 'core'`
 * resolves the specifiers as core does (its own dependencies).
 */
export const coldTargets = [
  {
    id: 'sdk',
    label: '@aws-sdk/client-sesv2 (floor)',
    specifiers: ['@aws-sdk/client-sesv2'],
    create: `new m0.SESv2Client({region:'us-east-1',endpoint:${url},credentials:${creds}})`,
    send: `await c.send(new m0.SendEmailCommand(${json(fx.preRenderedSendEmail())}))`,
  },
  {
    id: 'org-connector',
    label: '@org/connector-aws-ses',
    specifiers: ['@org/connector-aws-ses'],
    create: `m0.createAwsSesConnector(${oursConfig})`,
    send: `await c.sendMessage(${sendInput})`,
  },
  { id: 'org-core', label: '@org/connector-core', specifiers: ['@org/connector-core'] },
  {
    id: 'logto',
    label: '@logto/connector-aws-ses',
    specifiers: ['@logto/connector-aws-ses'],
    // Logto builds its SESv2Client inside each send (endpoint from AWS_ENDPOINT_URL_SESV2).
    create: `await m0.default({getConfig:async()=>(${json(fx.logtoConfig())})})`,
    send: `await c.sendMessage(${sendInput})`,
  },
  {
    id: 'nodemailer',
    label: 'nodemailer + @aws-sdk/client-sesv2',
    specifiers: ['nodemailer', '@aws-sdk/client-sesv2'],
    create: `m0.default.createTransport({SES:{sesClient:new m1.SESv2Client({region:'us-east-1',endpoint:${url},credentials:${creds}}),SendEmailCommand:m1.SendEmailCommand}})`,
    send: `await c.sendMail(${json({ from: fx.from, to: fx.recipient(0), subject: fx.subject, html: fx.shortHtml, text: 'Your code' })})`,
  },
  // What ours loads on the first create and the first send: core's two dependencies, and
  // whether a lighter zod entry would be lighter (it is not: both are zod/v4/core underneath).
  { id: 'zod', label: 'zod alone (first create)', specifiers: ['zod'], from: 'core' },
  { id: 'zod-mini', label: 'zod/mini alone', specifiers: ['zod/mini'], from: 'core' },
  {
    id: 'html-to-text',
    label: 'html-to-text alone (first HTML send)',
    specifiers: ['html-to-text'],
    from: 'core',
  },
  { id: 'empty', label: 'node, nothing imported', specifiers: [] },
];

const coreDir = () => realpathSync(join(benchRoot, 'node_modules/@org/connector-core'));

/**
 * The child's script. Phases are timed inside it from just before the first import; CPU
 * (user + system) and peak RSS are the whole process's, node's own start-up included, read
 * just before it exits. `phase: 'import'` stops after the imports.
 */
function probe({ specifiers, create, send }, phase) {
  const imports = specifiers.map((s, i) => `const m${i}=await import(${json(s)});`).join('');
  const full = phase === 'send';
  return [
    'const t0=performance.now();',
    imports,
    'const t1=performance.now();',
    full && create ? `const c=${create};` : '',
    'const t2=performance.now();',
    full && send ? `${send};` : '',
    'const t3=performance.now();',
    'const u=process.cpuUsage();',
    'process.stdout.write(JSON.stringify({importMs:t1-t0,createMs:t2-t0,sendMs:t3-t0,cpuMs:(u.user+u.system)/1000,rssMiB:process.resourceUsage().maxRSS/1024}));',
    // Keep-alive sockets would hold the process open.
    'process.exit(0);',
  ].join('');
}

function runOnce(target, phase, serverUrl) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe(target, phase)], {
      // `-e` code resolves packages from its working directory.
      cwd: target.from === 'core' ? coreDir() : benchRoot,
      env: childEnv({ BENCH_URL: serverUrl, AWS_ENDPOINT_URL_SESV2: serverUrl }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0) {
        reject(new Error(code === null ? 'killed' : errorLine(err)));
        return;
      }
      resolve({ ...JSON.parse(out), wallMs });
    });
  });
}

/** A process that only imports, and (for what sends) one that imports, creates and sends. */
const runsOf = (t) => (t.send ? ['import', 'send'] : ['import']).map((phase) => ({ t, phase }));
const importFields = ['importMs', 'wallMs', 'cpuMs', 'rssMiB'];
const sendFields = ['createMs', 'sendMs', 'wallMs', 'cpuMs', 'rssMiB'];

/**
 * Every (package, phase) process, `runs` rounds, in an order rotated each round so a load
 * change on a shared machine hits all alike. Ratios to the SDK are the median of the per-round
 * ratios (paired: both ran in the same round); "over bare node" subtracts the median of
 * `node` with nothing imported, run the same way.
 */
export async function benchColdStart({ runs, progress }) {
  const unavailable = {};
  const server = spawnWorker('server.mjs', { args: ['mock-ses'] });
  try {
    const { url: serverUrl } = await server.call('start');
    // One untimed pass fills the OS file cache, as on a warm serverless host.
    for (const t of coldTargets) {
      progress.update('cold start: priming', t.label);
      try {
        for (const { phase } of runsOf(t)) await runOnce(t, phase, serverUrl);
      } catch (error) {
        unavailable[t.id] = { label: t.label, reason: error.message.slice(0, 300) };
        progress.log(`cold start: ${t.label} cannot run here: ${unavailable[t.id].reason}`);
      }
    }
    const jobs = coldTargets.filter((t) => !unavailable[t.id]).flatMap(runsOf);
    // samples[id][phase] = one result per round
    const samples = Object.fromEntries(coldTargets.map((t) => [t.id, { import: [], send: [] }]));
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < jobs.length; k++) {
        const { t, phase } = jobs[(r + k) % jobs.length];
        progress.update(`cold start: round ${r + 1}/${runs}`, `${t.label} (${phase})`);
        samples[t.id][phase].push(await runOnce(t, phase, serverUrl));
      }
    }
    return { runs, samples: pruneSamples(samples), unavailable };
  } finally {
    await server.close();
  }
}

function pruneSamples(samples) {
  const pick = (rows, fields) =>
    rows.map((row) => Object.fromEntries(fields.map((f) => [f, round(row[f], 2)])));
  return Object.fromEntries(
    Object.entries(samples)
      .filter(([, s]) => s.import.length > 0)
      .map(([id, s]) => [
        id,
        {
          import: pick(s.import, importFields),
          ...(s.send.length ? { send: pick(s.send, sendFields) } : {}),
        },
      ]),
  );
}

const medianOf = (rows, field) => median(rows.map((row) => row[field]));

/** Median over rounds of `rows[i][field] / floor[i][field]`. */
function pairedRatio(rows, floor, field) {
  if (!rows?.length || !floor?.length) return null;
  const n = Math.min(rows.length, floor.length);
  const ratios = [];
  for (let i = 0; i < n; i++) ratios.push(rows[i][field] / floor[i][field]);
  return round(median(ratios), 3);
}

/**
 * The figures the tables show, derived from the raw samples (so `--rerender` can change how
 * they are derived without a new run).
 */
export function summarizeColdStart(cold) {
  const { samples } = cold;
  if (!samples) return cold.results ?? {};
  const sdk = samples.sdk;
  const bare = samples.empty?.import;
  const bareWall = bare ? medianOf(bare, 'wallMs') : Number.NaN;
  const bareCpu = bare ? medianOf(bare, 'cpuMs') : Number.NaN;
  const bareRss = bare ? medianOf(bare, 'rssMiB') : Number.NaN;
  const results = {};
  for (const t of coldTargets) {
    const s = samples[t.id];
    if (!s) continue;
    const imp = s.import;
    const isFloor = t.id === 'sdk';
    const hasImports = t.specifiers.length > 0;
    const row = {
      label: t.label,
      runs: imp.length,
      importMs: round(medianOf(imp, 'importMs'), 1),
      wallMs: round(medianOf(imp, 'wallMs'), 1),
      cpuMs: round(medianOf(imp, 'cpuMs'), 1),
      rssMiB: round(medianOf(imp, 'rssMiB'), 1),
      overBareWallMs: round(medianOf(imp, 'wallMs') - bareWall, 1),
      overBareCpuMs: round(medianOf(imp, 'cpuMs') - bareCpu, 1),
      overBareRssMiB: round(medianOf(imp, 'rssMiB') - bareRss, 1),
      importRatio: hasImports && !isFloor ? pairedRatio(imp, sdk?.import, 'importMs') : null,
      wallRatio: hasImports && !isFloor ? pairedRatio(imp, sdk?.import, 'wallMs') : null,
      cpuRatio: hasImports && !isFloor ? pairedRatio(imp, sdk?.import, 'cpuMs') : null,
    };
    if (s.send) {
      Object.assign(row, {
        createMs: round(medianOf(s.send, 'createMs'), 1),
        firstSendMs: round(medianOf(s.send, 'sendMs'), 1),
        sendWallMs: round(medianOf(s.send, 'wallMs'), 1),
        sendCpuMs: round(medianOf(s.send, 'cpuMs'), 1),
        sendRssMiB: round(medianOf(s.send, 'rssMiB'), 1),
        createRatio: isFloor ? null : pairedRatio(s.send, sdk?.send, 'createMs'),
        firstSendRatio: isFloor ? null : pairedRatio(s.send, sdk?.send, 'sendMs'),
        sendWallRatio: isFloor ? null : pairedRatio(s.send, sdk?.send, 'wallMs'),
        sendCpuRatio: isFloor ? null : pairedRatio(s.send, sdk?.send, 'cpuMs'),
      });
    }
    results[t.id] = row;
  }
  return results;
}
