import { expect } from 'vitest';
import { expectNothingSent, expectRejection } from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { delay, newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

const slowProviderMs = 600;

export const abortCases = defineCases('abort', [
  {
    name: 'an already aborted signal ends aborted before any provider request',
    async run({ connector, mock }) {
      const created = await connector();
      const controller = new AbortController();
      controller.abort(new Error('the user left the page'));
      const error = await expectRejection(
        created.sendMessage(
          { to: recipient('pre-aborted'), type: 'SignIn', payload: conformancePayload(newCode()) },
          { signal: controller.signal },
        ),
        'aborted',
        'a send with an aborted signal',
      );
      expect(error.retryable, 'retryable').toBe(false);
      expectNothingSent(mock, 'a send with an aborted signal');
    },
  },
  {
    name: 'aborting while the provider is slow ends aborted and starts no attempt afterwards',
    async run({ connector, mock }) {
      const created = await connector();
      // Every attempt is slow, so a connector that retried after the abort would show it.
      mock.inject('latency', { times: 10, latencyMs: slowProviderMs });
      const controller = new AbortController();
      const sending = created.sendMessage(
        { to: recipient('aborted'), type: 'SignIn', payload: conformancePayload(newCode()) },
        { signal: controller.signal },
      );
      await delay(100);
      controller.abort();
      const error = await expectRejection(sending, 'aborted', 'a send aborted mid-flight');
      expect(error.retryable, 'retryable').toBe(false);
      // A request already on the wire may still be processed, by a real provider too; what
      // the connector controls is that nothing new starts. Wait out two slow attempts (a mock
      // may count a request only once it is answered), then at most the one in flight counts.
      await delay(slowProviderMs * 2 + 500);
      const requests = mock.requestCount();
      expect(
        requests,
        'provider requests: at most the attempt in flight at the abort',
      ).toBeLessThanOrEqual(1);
      expect(
        mock.sent().length,
        'deliveries: at most the attempt in flight at the abort',
      ).toBeLessThanOrEqual(requests);
    },
  },
  {
    name: 'latency beyond the request timeout ends timeout (retryable)',
    requires: 'requestTimeout',
    async run({ create, harness, mock }) {
      const { requestTimeout } = harness;
      expect(
        requestTimeout,
        'harness.requestTimeout: the connector declares requestTimeout, so the harness must give config overrides that set a short timeout, and that timeout in ms',
      ).toBeDefined();
      const timeoutMs = requestTimeout!.ms;
      const created = await create(requestTimeout!.overrides);
      mock.inject('latency', { times: 100, latencyMs: Math.max(timeoutMs * 4, timeoutMs + 1_000) });
      const error = await expectRejection(
        created.sendMessage({
          to: recipient('timeout'),
          type: 'SignIn',
          payload: conformancePayload(newCode()),
        }),
        'timeout',
        `a provider slower than the ${timeoutMs} ms request timeout`,
      );
      expect(error.retryable, 'retryable').toBe(true);
      expect(error.provider, 'error.provider').toBe(created.metadata.provider);
    },
  },
]);

/** Abort and timeout: cancelled sends end `aborted`, slow providers end `timeout`. */
export function abortConformance(options: ConformanceOptions): void {
  registerGroup('abort and timeout', abortCases, options);
}
