import type { SendResult } from '@org/connector-core';
import { assert, expect } from 'vitest';
import { addressOf } from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { trackAbortListeners } from '../listener-tracker.js';
import { registerGroup } from '../register-group.js';
import { distinctCodes } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

const parallelSends = 200;

export const concurrencyCases = defineCases('concurrency', [
  {
    name: `${parallelSends} parallel sends deliver ${parallelSends} emails, each with its own code, none crossed`,
    async run({ connector, mock }) {
      const created = await connector();
      const codes = distinctCodes(parallelSends);
      const recipients = codes.map((_, i) => `parallel-${i}@example.com`);
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => {
        if (warning.name === 'MaxListenersExceededWarning')
          warnings.push(warning.stack ?? warning.message);
      };
      process.on('warning', onWarning);
      let results: SendResult[];
      try {
        results = await Promise.all(
          recipients.map((to, i) =>
            created.sendMessage({ to, type: 'SignIn', payload: conformancePayload(codes[i]!) }),
          ),
        );
        // Warnings are emitted on a later tick.
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', onWarning);
      }
      // Apps see this "possible memory leak" warning in their logs under load.
      expect(warnings.join('\n'), 'MaxListenersExceededWarning during parallel sends').toBe('');

      const ids = new Set(results.map((result) => result.messageId));
      expect(ids.size, 'distinct message ids').toBe(parallelSends);
      const sent = mock.sent();
      expect(sent, 'delivered emails').toHaveLength(parallelSends);

      const byId = new Map(sent.map((email) => [email.messageId, email]));
      const otherCodes = new Set(codes);
      for (const [i, result] of results.entries()) {
        const to = recipients[i]!;
        const code = codes[i]!;
        const email = byId.get(result.messageId);
        expect(email, `the email of send #${i} (by its message id)`).toBeDefined();
        expect(email!.to.map(addressOf), `send #${i}: recipient`).toEqual([addressOf(to)]);
        expect(email!.text, `send #${i}: its own code in the text`).toContain(code);
        expect(email!.html, `send #${i}: its own code in the HTML`).toContain(code);
        otherCodes.delete(code);
        const crossed = [...otherCodes].some(
          (other) => email!.html!.includes(other) || email!.text.includes(other),
        );
        otherCodes.add(code);
        expect(crossed, `send #${i}: carries another recipient's code`).toBe(false);
      }
      const perRecipient = new Map<string, number>();
      for (const email of sent) {
        for (const to of email.to.map(addressOf)) {
          perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
        }
      }
      expect(
        [...perRecipient.values()].every((n) => n === 1),
        'each recipient got exactly one email',
      ).toBe(true);
      expect(perRecipient.size, 'recipients reached').toBe(parallelSends);
    },
  },
  {
    name: 'parallel sends reach the provider concurrently (not one at a time)',
    rule: 'sends are not serialized: parallel sends have several provider requests in flight at once',
    lookAt: 'a queue, mutex or single shared connection around the provider call in the transport',
    async run({ connector, mock }) {
      const created = await connector();
      if (typeof mock.peakInFlight !== 'function') {
        return assert.fail(
          'harness.mock.peakInFlight is missing: a ProviderMock must report the most requests it had in flight at once',
        );
      }
      const sends = 6;
      mock.inject('latency', { times: sends, latencyMs: 150 });
      await Promise.all(
        distinctCodes(sends).map((code, i) =>
          created.sendMessage({
            to: `concurrent-${i}@example.com`,
            type: 'SignIn',
            payload: conformancePayload(code),
          }),
        ),
      );
      expect(mock.sent(), 'delivered emails').toHaveLength(sends);
      const peak = mock.peakInFlight();
      if (peak < 2) {
        assert.fail(
          `${sends} parallel sends reached the provider one at a time (at most ${peak} request in flight): the transport serializes sends`,
        );
      }
    },
  },
  {
    name: 'sends leave no abort listener behind on a long-lived signal',
    rule: 'each send removes the listeners it adds to the close signal and to the caller signal',
    lookAt:
      'addEventListener("abort", ...) in the transport: remove it when the send settles (or use { once: true, signal })',
    async run({ connector, mock }) {
      const created = await connector();
      const shared = new AbortController();
      const tracker = trackAbortListeners();
      const sends = 12;
      let pending: { signal: AbortSignal; count: number }[];
      try {
        for (let i = 0; i < sends; i += 1) {
          await created.sendMessage(
            {
              to: `listener-${i}@example.com`,
              type: 'SignIn',
              payload: conformancePayload(distinctCodes(1)[0]!),
            },
            i % 2 === 0 ? {} : { signal: shared.signal },
          );
        }
        pending = tracker.pending();
      } finally {
        tracker.stop();
      }
      expect(mock.sent(), 'delivered emails').toHaveLength(sends);
      const piled = pending.filter(({ count }) => count >= sends / 2 - 1);
      if (piled.length > 0) {
        assert.fail(
          `${piled[0]!.count} abort listeners are still attached to one signal after ${sends} sequential sends${piled[0]!.signal === shared.signal ? " (the caller's signal)" : ' (the close signal)'}: every send adds one and never removes it, a leak that grows with traffic`,
        );
      }
    },
  },
]);

/** Concurrency: parallel sends neither lose nor cross emails. */
export function concurrencyConformance(options: ConformanceOptions): void {
  registerGroup('concurrency', concurrencyCases, options);
}
