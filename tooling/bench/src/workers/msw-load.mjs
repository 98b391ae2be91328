// Raw-SDK load against @org/mock-ses through msw, in one process: how a vitest suite uses it.
import { serveWorker } from '../lib/worker.mjs';
import { runLoad } from '../lib/load.mjs';
import * as fx from '../lib/fixtures.mjs';

const { createMockSes } = await import('@org/mock-ses');
const { setupServer } = await import('msw/node');
const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');

const mock = createMockSes({ region: fx.region });
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error' });
// No endpoint: the SDK targets https://email.us-east-1.amazonaws.com and msw answers it.
const client = new SESv2Client({ region: fx.region, credentials: fx.credentials });
const input = fx.preRenderedSendEmail();
const send = () => client.send(new SendEmailCommand(input));

serveWorker({
  async round({ n, concurrency }) {
    const res = await runLoad(send, { n, concurrency });
    return { ...res, latencies: Array.from(res.latencies) };
  },
  reset() {
    mock.reset();
    return null;
  },
  close() {
    client.destroy();
    server.close();
  },
});
