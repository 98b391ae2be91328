// `pnpm soak`: the SES connector against the mock SES server under load and mixed faults.
// This process runs the mock and the late-answer proxy; the sends run in a child process
// (driver.mjs, --expose-gc) so that its heap figures are the connector's alone.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyze } from './analyze.mjs';
import { formatSummary } from './format-summary.mjs';
import { startLateResponseProxy } from './late-response-proxy.mjs';
import { parseOptions, usage } from './parse-options.mjs';

const unhandled = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
});

// One in seven faults is the proxy's "accepted, then answered too late"; the mock makes the
// rest, in equal shares.
const mockFaultKinds = (timeoutMs) => [
  'TooManyRequestsException',
  'internal_error',
  'service_unavailable',
  'network_error',
  { kind: 'latency', latencyMs: timeoutMs * 2 },
  'MessageRejected',
];

const driverExitGraceMs = 5_000;

const faultLabels = {
  TooManyRequestsException: 'throttle',
  internal_error: '500',
  service_unavailable: '503',
  network_error: 'reset',
  MessageRejected: 'rejected identity',
};

function faultLabel(fault) {
  if (fault.startsWith('latency')) return 'latency past timeout';
  return faultLabels[fault] ?? fault;
}

function runDriver(options, endpoint, hooks) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./driver.mjs', import.meta.url)), [], {
      execArgv: ['--expose-gc'],
      // The SDK's notice that it will need Node 22 from 2027 is noise in every soak run.
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const results = [];
    let finished = false;
    const exited = new Promise((resolve) => child.once('exit', () => resolve(true)));
    // A stuck driver is a failure too, not a CI job that waits for its own timeout.
    const stallLimitMs = 2 * options.watchdogMs + 30_000;
    let stall;
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`the driver reported nothing for ${stallLimitMs} ms; killed it`));
      }, stallLimitMs);
    };
    const fail = (error) => {
      if (finished) return;
      finished = true;
      clearTimeout(stall);
      reject(error);
    };
    watch();
    child.on('message', async (message) => {
      watch();
      switch (message.type) {
        case 'warmed':
          await hooks.onWarmed();
          child.send({ type: 'go' });
          break;
        case 'results':
          results.push(...message.batch);
          break;
        case 'done':
          finished = true;
          clearTimeout(stall);
          resolve({ ...message, results, child, exited });
          break;
        case 'crashed':
          fail(new Error(`the driver crashed: ${message.error}`));
          break;
        default:
          break;
      }
    });
    child.on('exit', (code, signal) => {
      fail(new Error(`the driver exited early (code ${code}, signal ${signal})`));
    });
    child.send({ type: 'start', options, endpoint });
  });
}

async function drain(proxy, limitMs) {
  const until = Date.now() + limitMs;
  while (proxy.inFlight > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }

  if (options.fleet) {
    const { runFleet } = await import('./fleet.mjs');
    return runFleet(options);
  }
  // Imported after the options parse, so --help and option errors work before a build.
  const { startMockSesServer } = await import('@org/mock-ses');
  const server = await startMockSesServer({ seed: options.seed });
  const proxy = await startLateResponseProxy({ target: server.url, seed: options.seed + 1 });
  try {
    const mockRate = (options.faultRate * 6) / 7;
    const lateRate = mockRate >= 1 ? 0 : (options.faultRate - mockRate) / (1 - mockRate);
    const run = await runDriver(options, proxy.url, {
      // Faults start after the warm-up, on a clean outbox and request log.
      async onWarmed() {
        server.mock.reset();
        proxy.resetStats();
        if (options.faultRate > 0) {
          server.mock.faults.random({
            rate: mockRate,
            faults: mockFaultKinds(options.timeoutMs),
            seed: options.seed,
          });
          proxy.inject({ rate: lateRate, holdMs: options.timeoutMs * 2 });
        }
      },
    });
    // Once its connector is closed the driver has nothing left to do: if it lingers, a socket
    // or a timer outlived close().
    const exitedCleanly = await Promise.race([
      run.exited,
      new Promise((resolve) => setTimeout(() => resolve(false), driverExitGraceMs)),
    ]);
    if (!exitedCleanly) run.child.kill('SIGKILL');
    await drain(proxy, options.timeoutMs * 3);
    // Let the mock log the requests the proxy just abandoned.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const attemptsByRecipient = new Map();
    const faults = [];
    for (const entry of server.mock.requests.operations('SendEmail')) {
      const to = entry.body?.Destination?.ToAddresses?.[0];
      if (typeof to === 'string') {
        const key = to.toLowerCase();
        attemptsByRecipient.set(key, (attemptsByRecipient.get(key) ?? 0) + 1);
      }
      if (entry.fault) faults.push(faultLabel(entry.fault));
    }
    const faultsInjected = {};
    for (const label of faults) faultsInjected[label] = (faultsInjected[label] ?? 0) + 1;
    if (proxy.stats.lateInjected > 0) {
      faultsInjected['accepted-then-late'] = proxy.stats.lateInjected;
    }

    const summary = analyze({
      options,
      results: run.results,
      outbox: server.mock.outbox.all(),
      attemptsByRecipient,
      lateRequestIds: proxy.stats.lateRequestIds,
      faultsInjected,
      heapBefore: run.heapBefore,
      heapAfter: run.heapAfter,
      unhandled: [...run.unhandled, ...unhandled],
      elapsedMs: run.elapsedMs,
      driverExitedCleanly: exitedCleanly,
      driverExitGraceMs,
    });
    console.log(options.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    return summary.violations.length === 0 ? 0 : 1;
  } finally {
    await proxy.close();
    await server.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // The verdict is out: a server that will not close must not keep CI waiting.
    setTimeout(() => {
      console.error('soak: cleanup did not finish within 15 s; exiting anyway');
      process.exit(code || 1);
    }, 15_000).unref();
  },
  (error) => {
    console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
