// Benchmark 5: heap and RSS around many sends, in a process started with --expose-gc.
import { runLoad } from '../lib/load.mjs';
import { serveWorker } from '../lib/worker.mjs';
import { subjects } from '../subjects/index.mjs';

const mib = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100;

function snapshot() {
  // Twice: the first pass can leave objects that only a second one frees (weak refs, finalizers).
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), externalMiB: mib(m.external) };
}

serveWorker({
  async run({ subject: id, url, sends, concurrency, warmup }) {
    if (typeof globalThis.gc !== 'function') throw new Error('start this worker with --expose-gc');
    const subject = subjects.find((s) => s.id === id);
    const sender = await subject.create({ url });
    // Warm up first so lazily built state (SDK middleware, compiled templates, the socket pool)
    // counts as the baseline, not as growth.
    await runLoad(sender.send, { n: warmup, concurrency });
    const before = snapshot();
    await runLoad(sender.send, { n: sends, concurrency });
    const after = snapshot();
    await sender.close?.();
    return {
      before,
      after,
      growth: {
        rssMiB: mib((after.rssMiB - before.rssMiB) * 2 ** 20),
        heapUsedMiB: mib((after.heapUsedMiB - before.heapUsedMiB) * 2 ** 20),
      },
    };
  },
});
