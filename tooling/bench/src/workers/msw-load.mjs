// Raw-SDK load against an msw handler in one process, the way a vitest suite uses a mock.
// argv[2]: `mock-ses` (createMockSes().handlers) or `bare` (one handler answering a constant:
// what msw itself costs, so the engine's share can be told apart).

import * as fx from '../lib/fixtures.mjs';
import { runLoad } from '../lib/load.mjs';
import { serveWorker } from '../lib/worker.mjs';

const mode = process.argv[2] ?? 'mock-ses';
const { http, HttpResponse } = await import('msw');
const { setupServer } = await import('msw/node');
const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');

let handlers;
let reset = () => {};
if (mode === 'mock-ses') {
  const { createMockSes } = await import('@org/mock-ses');
  const mock = createMockSes({ region: fx.region });
  handlers = mock.handlers;
  reset = () => mock.reset();
} else {
  handlers = [
    http.post('https://email.us-east-1.amazonaws.com/v2/email/outbound-emails', () =>
      HttpResponse.json({ MessageId: 'bare' }, { headers: { 'x-amzn-RequestId': 'bare' } }),
    ),
  ];
}
const server = setupServer(...handlers);
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
    reset();
    return null;
  },
  close() {
    client.destroy();
    server.close();
  },
});
