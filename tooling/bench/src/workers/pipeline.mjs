// Benchmark 4: what core adds per message before any I/O, in a fresh process.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import * as fx from '../lib/fixtures.mjs';
import { median, round } from '../lib/stats.mjs';
import { serveWorker } from '../lib/worker.mjs';

const core = await import('@org/connector-core');

const noopTransport = { send: async () => ({ messageId: 'noop', requestId: 'noop' }) };

/** A connector whose transport does nothing: sendMessage then costs exactly core's pipeline. */
function pipelineConnector(content) {
  const define = core.defineEmailConnector({
    metadata: {
      id: 'bench-noop',
      provider: 'bench',
      name: 'Bench no-op',
      description: 'A connector whose transport does nothing',
      capabilities: {
        check: false,
        tags: true,
        replyTo: true,
        retries: false,
        requestTimeout: false,
      },
      formItems: [],
    },
    configSchema: z.object({ emailAddress: z.string(), templates: core.templatesSchema }),
    sender: (config) => config.emailAddress,
    createTransport: () => noopTransport,
  });
  return define({ emailAddress: fx.from, templates: fx.templates(content) });
}

async function timePerOp(fn, { iterations, rounds }) {
  for (let i = 0; i < Math.min(iterations, 2000); i++) await fn(i);
  const perOp = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await fn(i);
    perOp.push(((performance.now() - t0) * 1000) / iterations);
  }
  return round(median(perOp), 2);
}

serveWorker({
  async run({ iterations, rounds }) {
    const variants = { short: fx.shortHtml, large: fx.largeHtml() };
    const out = {};
    for (const [name, content] of Object.entries(variants)) {
      const templates = fx.templates(content);
      const connector = pipelineConnector(content);
      // The 20 KB body costs far more per call; fewer iterations keep the wall time similar.
      const n = name === 'large' ? Math.max(50, iterations >> 3) : iterations;
      out[name] = {
        templateBytes: Buffer.byteLength(content),
        selectRenderUs: await timePerOp(
          (i) =>
            core.renderTemplate(core.selectTemplate(templates, 'SignIn'), { code: fx.code(i) }),
          { iterations: n, rounds },
        ),
        sendMessageUs: await timePerOp(
          (i) =>
            connector.sendMessage({
              to: fx.recipient(i),
              type: 'SignIn',
              payload: { code: fx.code(i) },
            }),
          { iterations: n, rounds },
        ),
        iterations: n,
      };
      await connector.close?.();
    }
    return out;
  },
});
