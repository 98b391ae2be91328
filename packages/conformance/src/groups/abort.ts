import { ConnectorError } from '@org/connector-core';
import type { ProviderMock } from '@org/connector-core/testing';
import { assert, expect } from 'vitest';
import { addressOf, expectNothingSent, expectRejection, rawErrorOf } from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { delay, newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

const slowProviderMs = 600;

/**
 * After an abort the request on the wire must be cancelled: the mock saw the client hang up
 * and delivered nothing; no new attempt started.
 */
function expectHungUp(mock: ProviderMock, which: string): void {
  const requests = mock.requestCount();
  expect(
    requests,
    'provider requests: at most the attempt in flight at the abort (no retry after an abort)',
  ).toBeLessThanOrEqual(1);
  if (mock.sent().length > 0) {
    assert.fail(
      `the provider delivered the email after the send was aborted: ${which} never reached the request on the wire (pass the signal to the HTTP/SMTP call)`,
    );
  }
  if (typeof mock.hangUps !== 'function') {
    assert.fail(
      'harness.mock.hangUps is missing: a ProviderMock must count the requests whose client hung up',
    );
  }
  if (requests === 1 && mock.hangUps() < 1) {
    assert.fail(
      `the provider never saw the client hang up: ${which} did not reach the request on the wire, so the connection stays busy until the provider answers`,
    );
  }
}

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
      expectHungUp(mock, "the caller's signal");
    },
  },
  {
    name: 'close() while a send is in flight ends it aborted, and the provider sees the hang-up',
    rule: 'close() aborts the I/O of every send in flight: the close signal reaches the request',
    lookAt:
      'the transport: pass context.signal (it is the close signal for sends without a caller signal) to the provider request, or stop the I/O in close()',
    async run({ connector, mock }) {
      const created = await connector();
      mock.inject('latency', { times: 10, latencyMs: slowProviderMs });
      const sending = created.sendMessage({
        to: recipient('closed-mid-flight'),
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      await delay(100);
      await created.close();
      const error = await expectRejection(sending, 'aborted', 'a send in flight at close()');
      expect(error.retryable, 'retryable').toBe(false);
      await delay(slowProviderMs * 2 + 500);
      expectHungUp(mock, 'the close signal');
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
      mock.inject('latency', { times: 30, latencyMs: Math.max(timeoutMs * 4, timeoutMs + 1_000) });
      const sending = created.sendMessage({
        to: recipient('timeout'),
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      await sending.catch(() => undefined);
      if (mock.requestCount() > 10) {
        assert.fail(
          `one send made ${mock.requestCount()} attempts against a provider that keeps timing out: the retry loop has no cap`,
        );
      }
      const error = await expectRejection(
        sending,
        'timeout',
        `a provider slower than the ${timeoutMs} ms request timeout`,
      );
      expect(error.retryable, 'retryable').toBe(true);
      expect(error.provider, 'error.provider').toBe(created.metadata.provider);
    },
  },
  {
    name: 'the request timeout bounds each attempt, not the whole send: a retry after a timed-out attempt delivers',
    requires: 'retries',
    rule: 'the request timeout applies to each attempt; a timed-out attempt is retried like any transient failure',
    lookAt:
      'where the timeout is set: it must wrap each provider request, not the retry loop around them',
    async run({ create, harness, mock }) {
      const { requestTimeout } = harness;
      if (requestTimeout === undefined) {
        // A retrying connector without a request timeout (e.g. a failover over members with
        // none) has nothing to bound per attempt.
        if (!(await create()).metadata.capabilities.requestTimeout) return;
        return assert.fail(
          'harness.requestTimeout: a retrying connector with a request timeout needs requestTimeout in the harness (config overrides for a short timeout, and that timeout in ms)',
        );
      }
      const created = await create(requestTimeout.overrides);
      if (!created.metadata.capabilities.requestTimeout) return;
      const timeoutMs = requestTimeout.ms;
      // The first attempt outlasts the timeout; the retry is fast.
      mock.inject('latency', { times: 1, latencyMs: Math.max(timeoutMs * 4, timeoutMs + 1_000) });
      const to = recipient('per-attempt-timeout');
      let result: Awaited<ReturnType<typeof created.sendMessage>>;
      try {
        result = await created.sendMessage({
          to,
          type: 'SignIn',
          payload: conformancePayload(newCode()),
        });
      } catch (error) {
        return assert.fail(
          `the send failed (${ConnectorError.isInstance(error) ? `${error.code}: ${error.message.slice(0, 300)}` : rawErrorOf(error)}) although only its first attempt was slow: the ${timeoutMs} ms timeout was applied once around all attempts, or a timed-out attempt was not retried`,
        );
      }
      expect(result.attempts, 'SendResult.attempts: the timed-out attempt and the retry').toBe(2);
      expect(
        mock.sent().map((email) => email.to.map(addressOf)),
        'delivered once',
      ).toEqual([[addressOf(to)]]);
    },
  },
]);

/** Abort and timeout: cancelled sends end `aborted`, slow providers end `timeout`. */
export function abortConformance(options: ConformanceOptions): void {
  registerGroup('abort and timeout', abortCases, options);
}
