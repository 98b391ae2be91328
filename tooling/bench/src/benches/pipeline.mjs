import { spawnWorker } from '../lib/worker.mjs';

export async function benchPipeline({ iterations, rounds, progress }) {
  progress.update('pipeline cost: core select + render + build, no I/O');
  const worker = spawnWorker('pipeline.mjs');
  try {
    return { iterations, rounds, results: await worker.call('run', { iterations, rounds }) };
  } finally {
    await worker.close();
  }
}
