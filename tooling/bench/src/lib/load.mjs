import { performance } from 'node:perf_hooks';

/**
 * Sends `n` messages with at most `concurrency` in flight, the way an app's request handlers
 * would: each worker awaits its send before taking the next index.
 * Returns the wall time, this process's CPU time per message, and every latency (ms) by index.
 */
export async function runLoad(send, { n, concurrency, onTick }) {
  const latencies = new Float64Array(n);
  let next = 0;
  let done = 0;
  let failures = 0;
  let firstError;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      const t0 = performance.now();
      try {
        await send(i);
      } catch (error) {
        failures++;
        firstError ??= error;
      }
      latencies[i] = performance.now() - t0;
      done++;
      if (onTick && (done & 63) === 0) onTick(done, n);
    }
  };
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  if (failures > 0) {
    const reason = firstError instanceof Error ? firstError.message : String(firstError);
    const error = new Error(`${failures}/${n} sends failed; first: ${reason}`);
    error.cause = firstError;
    throw error;
  }
  // CPU time of this whole process per message: on a shared machine it moves far less than
  // wall-clock throughput, because waiting for a core costs no CPU time.
  return {
    wallMs,
    latencies,
    msgPerSec: (n / wallMs) * 1000,
    cpuUsPerMsg: (cpu.user + cpu.system) / n,
  };
}
