import { localContestant, runInterleaved } from '../lib/interleave.mjs';
import { spawnWorker } from '../lib/worker.mjs';
import { subjects } from '../subjects/index.mjs';

/** Benchmark 1: each sender against one @org/mock-ses server in its own process. */
export async function benchSendThroughput(opts) {
  const { progress } = opts;
  progress.update('send throughput: starting @org/mock-ses server');
  const server = spawnWorker('server.mjs', { args: ['mock-ses'] });
  const unavailable = {};
  const created = [];
  try {
    const { url } = await server.call('start');
    for (const s of subjects) {
      try {
        const sender = await s.create({ url });
        // Prove it works against this server before timing it.
        await sender.send(0);
        created.push({ subject: s, sender });
      } catch (error) {
        unavailable[s.id] = { label: s.label, kind: s.kind, reason: reasonOf(error) };
        progress.log(`send throughput: ${s.label} cannot run here: ${reasonOf(error)}`);
      }
    }
    const contestants = created.map(({ subject, sender }) =>
      localContestant({
        id: subject.id,
        label: subject.label,
        send: sender.send,
        beforeRound: () => server.call('reset'),
      }),
    );
    const results = await runInterleaved(contestants, { ...opts, step: 'send throughput' });
    for (const rows of Object.values(results)) {
      for (const [id, row] of Object.entries(rows)) {
        row.kind = subjects.find((s) => s.id === id)?.kind;
      }
    }
    return { server: '@org/mock-ses (separate process, loopback HTTP)', results, unavailable };
  } finally {
    for (const { sender } of created) await sender.close?.();
    await server.close();
  }
}

export function reasonOf(error) {
  const msg = error instanceof Error ? error.message : String(error);
  return msg.split('\n')[0].slice(0, 300);
}
