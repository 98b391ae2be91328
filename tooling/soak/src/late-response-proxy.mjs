import { Agent, createServer, request as httpRequest } from 'node:http';
import { createPrng } from './prng.mjs';

const sendEmailPath = /\/v2\/email\/outbound-emails\/?$/;

/**
 * A pass-through HTTP proxy in front of the mock SES server that adds the one fault the mock
 * cannot make: "accepted, then timed out". For a share of SendEmail requests the mock accepted
 * (status 200, message in the outbox), it holds the answer back past the connector's request
 * timeout, so the SDK gives up and retries a message that was already delivered. That is the
 * duplicate SES cannot prevent (it has no idempotency token), and the soak must count it.
 *
 * A client that disconnects early (its timeout fired) also cancels the upstream request, so
 * the mock's own latency faults keep their meaning: a request abandoned during the delay is
 * never delivered.
 */
export async function startLateResponseProxy({ target, seed }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const random = createPrng(seed);
  let rate = 0;
  let holdMs = 0;
  let inFlight = 0;
  const stats = { requests: 0, sendEmailRequests: 0, lateInjected: 0, lateRequestIds: new Set() };

  const server = createServer((req, res) => {
    inFlight += 1;
    stats.requests += 1;
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        inFlight -= 1;
      }
    };
    res.on('close', settle);
    res.on('error', () => {});

    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isSendEmail = req.method === 'POST' && sendEmailPath.test(req.url ?? '');
      if (isSendEmail) stats.sendEmailRequests += 1;
      const upstream = httpRequest(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: req.headers, agent },
        (answer) => {
          const parts = [];
          answer.on('data', (chunk) => parts.push(chunk));
          answer.on('error', () => res.socket?.resetAndDestroy());
          answer.on('end', () => {
            const payload = Buffer.concat(parts);
            const deliver = () => {
              if (res.destroyed || res.writableEnded) return;
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(payload);
            };
            const late = isSendEmail && answer.statusCode === 200 && random() < rate;
            if (!late) {
              deliver();
              return;
            }
            stats.lateInjected += 1;
            const requestId = answer.headers['x-amzn-requestid'];
            if (typeof requestId === 'string') stats.lateRequestIds.add(requestId);
            // Held until the client gives up (its timeout), or delivered if it never does.
            const timer = setTimeout(deliver, holdMs);
            res.once('close', () => clearTimeout(timer));
          });
        },
      );
      // The mock answered network_error by resetting the socket: reset ours too.
      upstream.on('error', () => res.socket?.resetAndDestroy());
      res.once('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    /** Starts injecting: `rate` of accepted SendEmail answers are held for `holdMs`. */
    inject(options) {
      rate = options.rate;
      holdMs = options.holdMs;
    },
    /** Requests still being answered (held ones included). */
    get inFlight() {
      return inFlight;
    },
    resetStats() {
      stats.requests = 0;
      stats.sendEmailRequests = 0;
      stats.lateInjected = 0;
      stats.lateRequestIds.clear();
    },
    close() {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
