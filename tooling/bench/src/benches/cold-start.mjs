import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median, round } from '../lib/stats.mjs';
import { benchRoot, childEnv, errorLine } from '../lib/worker.mjs';

const creds = "{accessKeyId:'AKIDBENCHMARK',secretAccessKey:'bench-secret-not-real'}";
const templates =
  "['Register','SignIn','ForgotPassword','Generic'].map((usageType)=>({usageType,subject:'Code',content:'<p>{{code}}</p>'}))";
const logtoConfig = `{accessKeyId:'AKIDBENCHMARK',accessKeySecret:'bench-secret-not-real',region:'us-east-1',emailAddress:'noreply@example.com',templates:${templates}}`;

/**
 * What a serverless cold start pays before the first send: a fresh `node` importing each
 * package, then creating what sends (a client, a connector, a transport) without sending.
 * `create` runs with the imported modules as `m0`, `m1`, ….
 */
export const coldTargets = [
  {
    id: 'sdk',
    label: '@aws-sdk/client-sesv2 (floor)',
    specifiers: ['@aws-sdk/client-sesv2'],
    create: `new m0.SESv2Client({region:'us-east-1',credentials:${creds}})`,
  },
  {
    id: 'org-connector',
    label: '@org/connector-aws-ses',
    specifiers: ['@org/connector-aws-ses'],
    create: `m0.createAwsSesConnector(${logtoConfig})`,
  },
  { id: 'org-core', label: '@org/connector-core', specifiers: ['@org/connector-core'], create: '' },
  {
    id: 'logto',
    label: '@logto/connector-aws-ses',
    specifiers: ['@logto/connector-aws-ses'],
    // Logto builds its SESv2Client inside each send; this is all it does before one.
    create: `await m0.default({getConfig:async()=>(${logtoConfig})})`,
  },
  {
    id: 'nodemailer',
    label: 'nodemailer + @aws-sdk/client-sesv2',
    specifiers: ['nodemailer', '@aws-sdk/client-sesv2'],
    create: `m0.default.createTransport({SES:{sesClient:new m1.SESv2Client({region:'us-east-1',credentials:${creds}}),SendEmailCommand:m1.SendEmailCommand}})`,
  },
  { id: 'empty', label: 'node, nothing imported', specifiers: [], create: '' },
];

function probe({ specifiers, create }) {
  // Timed inside the child from just before the first import; wall time outside also counts
  // node's own start-up.
  const imports = specifiers
    .map((s, i) => `const m${i}=await import(${JSON.stringify(s)});`)
    .join('');
  return `const t0=performance.now();${imports}const t1=performance.now();${create ? `${create};` : ''}const t2=performance.now();process.stdout.write(JSON.stringify({importMs:t1-t0,createMs:t2-t0}));`;
}

function runOnce(target) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe(target)], {
      cwd: benchRoot,
      env: childEnv(),
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

export async function benchColdStart({ runs, progress }) {
  const samples = new Map(
    coldTargets.map((t) => [t.id, { importMs: [], createMs: [], wallMs: [] }]),
  );
  const unavailable = {};
  // One untimed pass fills the OS file cache, as on a warm serverless host.
  for (const t of coldTargets) {
    progress.update('cold start: priming', t.label);
    try {
      await runOnce(t);
    } catch (error) {
      unavailable[t.id] = { label: t.label, reason: error.message.slice(0, 300) };
      progress.log(`cold start: ${t.label} cannot be imported: ${unavailable[t.id].reason}`);
    }
  }
  const targets = coldTargets.filter((t) => !unavailable[t.id]);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(r + k) % targets.length];
      progress.update(`cold start: run ${r + 1}/${runs}`, t.label);
      const res = await runOnce(t);
      samples.get(t.id).importMs.push(res.importMs);
      samples.get(t.id).wallMs.push(res.wallMs);
      samples.get(t.id).createMs.push(res.createMs);
    }
  }
  const floor = median(samples.get('sdk')?.importMs ?? []);
  const createFloor = median(samples.get('sdk')?.createMs ?? []);
  const results = Object.fromEntries(
    targets.map((t) => {
      const s = samples.get(t.id);
      const importMs = median(s.importMs);
      return [
        t.id,
        {
          label: t.label,
          importMs: round(importMs, 1),
          wallMs: round(median(s.wallMs), 1),
          ratioToSdk:
            t.id === 'empty' || !Number.isFinite(floor) ? null : round(importMs / floor, 3),
          importAndCreateMs: t.create ? round(median(s.createMs), 1) : null,
          createRatioToSdk:
            !t.create || !Number.isFinite(createFloor)
              ? null
              : round(median(s.createMs) / createFloor, 3),
          runs: s.importMs.length,
        },
      ];
    }),
  );
  return { runs, results, unavailable };
}
