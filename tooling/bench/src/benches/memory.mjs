import { spawnWorker } from '../lib/worker.mjs';

/** Our connector, and the raw SDK for scale, each in a fresh --expose-gc process. */
export async function benchMemory({ sends, progress }) {
  const server = spawnWorker('server.mjs', { args: ['mock-ses'] });
  const results = {};
  try {
    const { url } = await server.call('start');
    for (const [id, label] of [
      ['org-connector', '@org/connector-aws-ses'],
      ['raw-sdk', 'raw SESv2Client'],
    ]) {
      progress.update(`memory: ${sends} sends`, label);
      await server.call('reset');
      const worker = spawnWorker('memory.mjs', { execArgv: ['--expose-gc'] });
      try {
        const res = await worker.call('run', {
          subject: id,
          url,
          sends,
          concurrency: 16,
          warmup: 500,
        });
        results[id] = { label, sends, ...res };
      } finally {
        await worker.close();
      }
    }
    return { results };
  } finally {
    await server.close();
  }
}
