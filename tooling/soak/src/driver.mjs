// The load half of the soak, in its own process (started with --expose-gc) so its heap holds
// the connector and nothing of the mock's outbox. Talks to run.mjs over IPC:
//   parent → { type: 'start', options, endpoint }   child → { type: 'warmed', heapBefore }
//   parent → { type: 'go' }                         child → { type: 'results', batch } ...
//                                                   child → { type: 'done', heapAfter, ... }
import { createAwsSesConnector } from '@org/connector-aws-ses';
import { ConnectorError } from '@org/connector-core';
import { describe, recordUnhandledRejections, templates, waitFor } from './driver-kit.mjs';

const warmUpSends = 256;
const batchSize = 500;

const unhandled = recordUnhandledRejections();

async function settleHeap() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** One send under a watchdog: a message id, a typed error, an untyped error, or a hang. */
async function sendOne(connector, index, watchdogMs, recipient) {
  const controller = new AbortController();
  const started = performance.now();
  let timer;
  const watchdog = new Promise((resolve) => {
    timer = setTimeout(() => resolve('hang'), watchdogMs);
  });
  const sending = connector
    .sendMessage(
      { to: recipient, type: 'SignIn', payload: { code: String(100_000 + index) } },
      { signal: controller.signal },
    )
    .then(
      (result) => ({ result }),
      (error) => ({ error }),
    );
  const outcome = await Promise.race([sending, watchdog]);
  clearTimeout(timer);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (outcome === 'hang') {
    // Free the slot; the send counts as a hang whatever it does later.
    controller.abort(new Error('soak watchdog'));
    return { i: index, hang: true, ms };
  }
  if ('result' in outcome) {
    const { messageId, attempts } = outcome.result ?? {};
    if (typeof messageId !== 'string' || messageId === '') {
      return {
        i: index,
        untyped: `resolved without a message id: ${describe(outcome.result)}`,
        ms,
      };
    }
    return { i: index, ok: true, messageId, attempts, ms };
  }
  const { error } = outcome;
  if (!ConnectorError.isInstance(error)) return { i: index, untyped: describe(error), ms };
  return { i: index, code: error.code, attempts: error.attempts, ms };
}

async function runPool(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

async function main() {
  const { options, endpoint } = await waitFor('start');
  const connector = createAwsSesConnector({
    accessKeyId: 'AKIASOAKTESTEXAMPLE',
    accessKeySecret: 'soak-test-secret-not-a-real-key',
    region: 'us-east-1',
    emailAddress: 'Soak <soak@example.com>',
    endpoint,
    maxAttempts: options.maxAttempts,
    requestTimeoutMs: options.timeoutMs,
    templates,
  });

  // Warm up (JIT, sockets, SDK caches) before the baseline, so growth means retention.
  await runPool(warmUpSends, options.concurrency, (i) =>
    sendOne(connector, i, options.watchdogMs, `warm-${i}@warmup.example`),
  );
  const heapBefore = await settleHeap();
  const go = waitFor('go');
  process.send({ type: 'warmed', heapBefore });
  await go;

  let batch = [];
  const started = performance.now();
  await runPool(options.n, options.concurrency, async (i) => {
    // Await first: `batch.push(await …)` would push into the array read before the await,
    // which may have been sent already.
    const record = await sendOne(connector, i, options.watchdogMs, `s${i}@soak.example`);
    batch.push(record);
    if (batch.length >= batchSize) {
      process.send({ type: 'results', batch });
      batch = [];
    }
  });
  const elapsedMs = performance.now() - started;
  if (batch.length > 0) process.send({ type: 'results', batch });
  batch = [];
  const heapAfter = await settleHeap();
  await connector.close();
  process.send({ type: 'done', heapBefore, heapAfter, elapsedMs, unhandled }, () => {
    process.disconnect();
  });
}

main().catch((error) => {
  process.send?.({ type: 'crashed', error: describe(error) });
  process.exitCode = 1;
});
