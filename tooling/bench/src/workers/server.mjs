// A mock SES server in its own process, so its CPU is its own and the load generator's is apart.
import { createRequire } from 'node:module';
import { serveWorker } from '../lib/worker.mjs';

const require = createRequire(import.meta.url);
const kind = process.argv[2];

async function startServer() {
  if (kind === 'mock-ses') {
    const { startMockSesServer } = await import('@org/mock-ses');
    const server = await startMockSesServer({ port: 0, host: '127.0.0.1' });
    return {
      url: server.url,
      // The outbox and request log grow with every send; keep rounds alike.
      reset: () => server.mock.reset(),
      close: () => server.close(),
    };
  }
  if (kind === 'aws-ses-v2-local') {
    const mod = require('aws-ses-v2-local');
    const start = mod.default ?? mod;
    const { clearStore } = require('aws-ses-v2-local/dist/store.js');
    const server = await start({ host: '127.0.0.1', port: 0 });
    return {
      url: `http://127.0.0.1:${server.address().port}`,
      reset: () => clearStore(),
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
  throw new Error(`unknown server kind ${kind}`);
}

let server;
serveWorker({
  async start() {
    server = await startServer();
    return { url: server.url };
  },
  reset() {
    server.reset();
    return null;
  },
  cpu() {
    return process.cpuUsage();
  },
  async close() {
    await server?.close();
  },
});
