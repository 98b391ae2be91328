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
 * result as `c`), then one send to a mock server in another process (`send`).
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
  // Where ours spends its extra import time: core's two dependencies, resolved as core does.
  { id: 'zod', label: 'zod alone (dep of ours)', specifiers: ['zod'], from: 'core' },
  {
    id: 'html-to-text',
    label: 'html-to-text alone (dep of core)',
    specifiers: ['html-to-text'],
    from: 'core',
  },
  { id: 'empty', label: 'node, nothing imported', specifiers: [] },
];

const coreDir = () => realpathSync(join(benchRoot, 'node_modules/@org/connector-core'));

function probe({ specifiers, create, send }) {
  // Timed inside the child from just before the first import; wall time, measured outside,
  // also counts node's own start-up.
  const imports = specifiers.map((s, i) => `const m${i}=await import(${json(s)});`).join('');
  return [
    'const t0=performance.now();',
    imports,
    'const t1=performance.now();',
    create ? `const c=${create};` : '',
    'const t2=performance.now();',
    send ? `${send};` : '',
    'const t3=performance.now();',
    'process.stdout.write(JSON.stringify({importMs:t1-t0,createMs:t2-t0,sendMs:t3-t0}));',
    // Keep-alive sockets would hold the process open.
    'process.exit(0);',
  ].join('');
}

function runOnce(target, serverUrl) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe(target)], {
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

const phases = ['importMs', 'createMs', 'sendMs', 'wallMs'];

export async function benchColdStart({ runs, progress }) {
  const samples = new Map(
    coldTargets.map((t) => [t.id, Object.fromEntries(phases.map((p) => [p, []]))]),
  );
  const unavailable = {};
  const server = spawnWorker('server.mjs', { args: ['mock-ses'] });
  try {
    const { url: serverUrl } = await server.call('start');
    // One untimed pass fills the OS file cache, as on a warm serverless host.
    for (const t of coldTargets) {
      progress.update('cold start: priming', t.label);
      try {
        await runOnce(t, serverUrl);
      } catch (error) {
        unavailable[t.id] = { label: t.label, reason: error.message.slice(0, 300) };
        progress.log(`cold start: ${t.label} cannot run here: ${unavailable[t.id].reason}`);
      }
    }
    const targets = coldTargets.filter((t) => !unavailable[t.id]);
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(r + k) % targets.length];
        progress.update(`cold start: run ${r + 1}/${runs}`, t.label);
        const res = await runOnce(t, serverUrl);
        for (const p of phases) samples.get(t.id)[p].push(res[p]);
      }
    }
    const floor = Object.fromEntries(phases.map((p) => [p, median(samples.get('sdk')[p])]));
    const ratio = (t, p, value) =>
      t.specifiers.length === 0 || !Number.isFinite(floor[p]) ? null : round(value / floor[p], 3);
    const results = Object.fromEntries(
      targets.map((t) => {
        const s = samples.get(t.id);
        const m = Object.fromEntries(phases.map((p) => [p, median(s[p])]));
        return [
          t.id,
          {
            label: t.label,
            importMs: round(m.importMs, 1),
            ratioToSdk: ratio(t, 'importMs', m.importMs),
            importAndCreateMs: t.create ? round(m.createMs, 1) : null,
            createRatioToSdk: t.create ? ratio(t, 'createMs', m.createMs) : null,
            firstSendMs: t.send ? round(m.sendMs, 1) : null,
            firstSendRatioToSdk: t.send ? ratio(t, 'sendMs', m.sendMs) : null,
            wallMs: round(m.wallMs, 1),
            runs: s.importMs.length,
          },
        ];
      }),
    );
    return { runs, results, unavailable };
  } finally {
    await server.close();
  }
}
