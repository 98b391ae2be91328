// `pnpm soak --fleet`: several processes, each an SES connector with its own Redis client,
// share one Redis (with `appendonly`, so a restart keeps the keys) and one mock SES server
// that enforces MaxSendRate, under the soak's faults plus Redis being killed and restarted.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '@org/bench/redis-server';
import { analyzeFleet, formatFleetSummary } from './analyze-fleet.mjs';
import { startLateResponseProxy } from './late-response-proxy.mjs';

const senders = 2;
const outageMs = 500;

function runDriver(index, options, start, onResults) {
  const child = fork(fileURLToPath(new URL('./fleet-driver.mjs', import.meta.url)), [], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const stallLimitMs = 2 * options.watchdogMs + 30_000;
    let stall;
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(`fleet process ${index} reported nothing for ${stallLimitMs} ms; killed it`),
        );
      }, stallLimitMs);
    };
    watch();
    let done = false;
    child.on('message', (message) => {
      watch();
      if (message.type === 'results') onResults(message.batch);
      else if (message.type === 'done') {
        done = true;
        clearTimeout(stall);
        resolve(message);
      } else if (message.type === 'crashed') {
        clearTimeout(stall);
        reject(new Error(`fleet process ${index} crashed: ${message.error}`));
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(stall);
      if (!done)
        reject(new Error(`fleet process ${index} exited early (code ${code}, signal ${signal})`));
    });
    child.send({ type: 'start', index, ...start });
  });
}

/** Runs the fleet soak; resolves with the exit code. */
export async function runFleet(options) {
  const { startMockSesServer } = await import('@org/mock-ses');
  const dir = mkdtempSync(join(tmpdir(), 'soak-redis-'));
  const redis = await startRedis({ appendonly: true, dir });
  const server = await startMockSesServer({ seed: options.seed, maxSendRate: options.rate });
  const proxy = await startLateResponseProxy({ target: server.url, seed: options.seed + 1 });
  try {
    // Same mix as the single-process soak: a seventh of the faults are "accepted, then late".
    const mockRate = (options.faultRate * 6) / 7;
    const lateRate = mockRate >= 1 ? 0 : (options.faultRate - mockRate) / (1 - mockRate);
    if (options.faultRate > 0) {
      server.mock.faults.random({
        rate: mockRate,
        faults: [
          'TooManyRequestsException',
          'internal_error',
          'service_unavailable',
          'network_error',
          { kind: 'latency', latencyMs: options.timeoutMs * 2 },
          'MessageRejected',
        ],
        seed: options.seed,
      });
      proxy.inject({ rate: lateRate, holdMs: options.timeoutMs * 2 });
    }

    const results = [];
    const expected = options.n * senders;
    // Kill Redis (SIGKILL, like a crash) at evenly spaced points of the run, back after outageMs.
    const restartAt = Array.from({ length: options.redisRestarts }, (_, k) =>
      Math.floor(((k + 1) * expected) / (options.redisRestarts + 1)),
    );
    let restarts = 0;
    let restarting = Promise.resolve();
    const onResults = (batch) => {
      results.push(...batch);
      while (restarts < restartAt.length && results.length >= restartAt[restarts]) {
        restarts += 1;
        restarting = restarting.then(async () => {
          await redis.stop();
          await new Promise((resolve) => setTimeout(resolve, outageMs));
          await redis.start();
        });
      }
    };
    const start = {
      options,
      endpoint: proxy.url,
      redisUrl: redis.url,
      keyPrefix: `soak:${randomUUID()}:`,
      processes: options.processes,
    };
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: options.processes }, (_, index) =>
        runDriver(index, options, start, onResults),
      ),
    );
    await restarting;
    const elapsedMs = performance.now() - started;
    const until = Date.now() + options.timeoutMs * 3;
    while (proxy.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));

    const summary = analyzeFleet({
      options,
      senders,
      results,
      outbox: server.mock.outbox.all(),
      sesRequests: server.mock.requests.operations('SendEmail'),
      lateRequestIds: proxy.stats.lateRequestIds,
      unhandled: runs.flatMap((run) => run.unhandled),
      restarts,
      elapsedMs,
    });
    console.log(options.json ? JSON.stringify(summary, null, 2) : formatFleetSummary(summary));
    return summary.violations.length === 0 ? 0 : 1;
  } finally {
    await proxy.close();
    await server.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
