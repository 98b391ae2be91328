import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import * as fx from '../lib/fixtures.mjs';
import { runInterleaved } from '../lib/interleave.mjs';
import { runLoad } from '../lib/load.mjs';
import { spawnWorker } from '../lib/worker.mjs';
import { reasonOf } from './send-throughput.mjs';

const servers = [
  { id: 'aws-ses-v2-local', label: 'aws-ses-v2-local 2.10.2 (server)' },
  { id: 'mock-ses', label: '@org/mock-ses (server)' },
];

/**
 * Benchmark 2: the same raw-SDK load against each mock server (each in its own process, so its
 * CPU per request is measured apart from the client), and @org/mock-ses in-process through msw.
 */
export async function benchMockServers(opts) {
  const { progress } = opts;
  const contestants = [];
  const cleanup = [];
  const unavailable = {};
  try {
    for (const s of servers) {
      progress.update(`mock servers: starting ${s.label}`);
      const worker = spawnWorker('server.mjs', { args: [s.id] });
      cleanup.push(() => worker.close());
      try {
        const { url } = await worker.call('start');
        const client = new SESv2Client({
          region: fx.region,
          endpoint: url,
          credentials: fx.credentials,
        });
        cleanup.push(() => client.destroy());
        const input = fx.preRenderedSendEmail();
        const send = () => client.send(new SendEmailCommand(input));
        await send();
        contestants.push({
          id: s.id,
          label: s.label,
          beforeRound: () => worker.call('reset'),
          cpu: () => worker.call('cpu'),
          round: ({ n, concurrency, onTick }) => runLoad(send, { n, concurrency, onTick }),
        });
      } catch (error) {
        unavailable[s.id] = { label: s.label, reason: reasonOf(error) };
        progress.log(`mock servers: ${s.label} cannot run here: ${reasonOf(error)}`);
      }
    }
    for (const [mode, id, label] of [
      ['mock-ses', 'mock-ses-msw', '@org/mock-ses (msw, in-process)'],
      ['bare', 'msw-bare', 'msw alone, constant answer (in-process)'],
    ]) {
      progress.update(`mock servers: starting ${label}`);
      const msw = spawnWorker('msw-load.mjs', { args: [mode] });
      cleanup.push(() => msw.close());
      try {
        await msw.call('round', { n: 1, concurrency: 1 });
        contestants.push({
          id,
          label,
          beforeRound: () => msw.call('reset'),
          round: (params) => msw.call('round', { n: params.n, concurrency: params.concurrency }),
        });
      } catch (error) {
        unavailable[id] = { label, reason: reasonOf(error) };
        progress.log(`mock servers: ${label} cannot run here: ${reasonOf(error)}`);
      }
    }
    const results = await runInterleaved(contestants, { ...opts, step: 'mock servers' });
    return {
      load: 'raw SESv2Client, one reused client, pre-rendered SendEmail',
      results,
      unavailable,
    };
  } finally {
    for (const fn of cleanup.reverse()) await fn();
  }
}
