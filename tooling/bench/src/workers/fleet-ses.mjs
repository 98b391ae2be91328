// The mock SES server of the fleet bench, in its own process, with MaxSendRate enforced.
import { startMockSesServer } from '@org/mock-ses';
import { serveWorker } from '../lib/worker.mjs';

let server;
serveWorker({
  async start({ maxSendRate }) {
    server = await startMockSesServer({ port: 0, host: '127.0.0.1', maxSendRate });
    return { url: server.url };
  },
  /** What SES saw: accepted messages (all, or to one address) and throttled requests. */
  stats({ to } = {}) {
    const sends = server.mock.requests.operations('SendEmail');
    return {
      accepted: to === undefined ? server.mock.outbox.size : server.mock.outbox.find({ to }).length,
      requests: sends.length,
      throttled: sends.filter((e) => e.errorType === 'TooManyRequestsException').length,
    };
  },
  reset() {
    server.mock.reset();
    return null;
  },
  async close() {
    await server?.close();
  },
});
