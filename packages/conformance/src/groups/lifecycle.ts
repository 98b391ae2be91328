import { assert, expect } from 'vitest';
import {
  addressOf,
  expectAnyConnectorError,
  expectConnectorError,
  expectNothingSent,
  rejectionOf,
} from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { activeResources, grownResources, watchIntervals } from '../resource-snapshot.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

export const lifecycleCases = defineCases('lifecycle', [
  {
    name: 'close() is idempotent and marks the connector closed',
    async run({ connector }) {
      const created = await connector();
      expect(created.closed, 'closed before close()').toBe(false);
      await created.close();
      expect(created.closed, 'closed after close()').toBe(true);
      // Awaited plainly, not through expect(...).resolves, so a rejection keeps its label.
      const second = await settle(created.close());
      expect(second, 'a second close() resolves').toEqual({ ok: true, value: undefined });
      const concurrent = await settle(Promise.all([created.close(), created.close()]));
      expect(concurrent.ok, 'concurrent close() calls resolve').toBe(true);
      expect(created.closed).toBe(true);
    },
  },
  {
    name: 'a send after close() fails with a message saying so, and reaches no provider',
    async run({ connector, mock }) {
      const created = await connector();
      await created.close();
      for (const [label, attempt] of [
        [
          'sendMessage',
          () =>
            created.sendMessage({
              to: recipient('closed'),
              type: 'SignIn',
              payload: conformancePayload(newCode()),
            }),
        ],
        ['testSend', () => created.testSend(recipient('closed'))],
      ] as const) {
        const error = await rejectionOf(attempt(), `${label} after close()`);
        const connectorError = expectAnyConnectorError(error, `${label} after close()`);
        expect(
          connectorError.message,
          `${label} after close(): the message says the connector is closed`,
        ).toMatch(/closed/i);
        expect(connectorError.retryable, `${label} after close(): retrying cannot help`).toBe(
          false,
        );
      }
      expectNothingSent(mock, 'sends after close()');
    },
  },
  {
    name: 'closing one connector leaves another from the same config working',
    async run({ connector, create, mock }) {
      const first = await connector();
      const second = await create();
      await first.close();
      const to = recipient('second');
      await second.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) });
      expect(
        mock.sent().map((email) => email.to.map(addressOf)),
        'the second connector still delivers',
      ).toEqual([[addressOf(to)]]);
    },
  },
  {
    name: 'close() leaves no timer, interval, socket or other handle behind',
    rule: 'close() stops every handle the connector opened: timers, intervals, sockets, pools',
    lookAt:
      "the transport's close(): clear intervals and timers, close the client's sockets and pools",
    async run({ create, mock }) {
      const before = activeResources();
      const intervals = watchIntervals();
      let grown: string[];
      try {
        const created = await create();
        for (let i = 0; i < 3; i += 1) {
          await created.sendMessage({
            to: recipient('handles'),
            type: 'SignIn',
            payload: conformancePayload(newCode()),
          });
        }
        if (created.check) await created.check();
        expect(mock.sent(), 'the sends were delivered').toHaveLength(3);
        await created.close();
        grown = await settleHandles(before);
      } finally {
        intervals.stop();
      }
      const live = intervals.live();
      if (live > 0) {
        assert.fail(
          `${live} interval(s) created by the connector still run after close(): clear them in the transport's close()`,
        );
      }
      if (grown.length > 0) {
        assert.fail(
          `after close() the process keeps more active handles than before the connector existed (${grown.join(', ')}): something the connector opened was not closed`,
        );
      }
    },
  },
  {
    name: 'a connector with wrong credentials fails authorization_failed while one with valid credentials keeps working',
    rule: 'each connector uses its own credentials: no client, token or credential is shared between connectors, and check() fails with wrong credentials',
    lookAt:
      'where the provider client is created: once per connector in createTransport, never in a module-level cache keyed by anything but the whole config',
    async run({ connector, create, harness, mock }) {
      const { invalidCredentials } = harness;
      if (invalidCredentials === undefined) {
        if (harness.secrets.length === 0) return; // no credentials to mix up
        return assert.fail(
          'harness.invalidCredentials: the harness lists secrets, so add invalidCredentials (config overrides with credentials the mock refuses, e.g. { apiKey: "pb_wrong_0000000000000000" })',
        );
      }
      const valid = await connector();
      await valid.sendMessage({
        to: recipient('valid-credentials'),
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      expect(mock.sent(), 'the connector with valid credentials delivers').toHaveLength(1);
      const wrong = await create(invalidCredentials);
      const requestsBefore = mock.requestCount();
      // A safety net, not a timing assertion: a connector that retries a refused login
      // forever would otherwise never let the case end.
      const guard = AbortSignal.timeout(10_000);
      const outcome = await settle(
        wrong.sendMessage(
          {
            to: recipient('wrong-credentials'),
            type: 'SignIn',
            payload: conformancePayload(newCode()),
          },
          { signal: guard },
        ),
      );
      const attempts = mock.requestCount() - requestsBefore;
      if (guard.aborted || attempts > 10) {
        assert.fail(
          `a send with wrong credentials made ${attempts} provider requests${guard.aborted ? ' and had not ended after 10 s' : ''}: an authorization failure is not retryable, and retries need a cap`,
        );
      }
      if (outcome.ok) {
        assert.fail(
          "the connector built with harness.invalidCredentials delivered: it reused another connector's client or credentials (a module-level client cache); create the client per connector",
        );
      }
      expectConnectorError(outcome.error, 'authorization_failed', 'a send with wrong credentials');
      expect(mock.sent(), 'nothing more delivered with wrong credentials').toHaveLength(1);
      if (wrong.check) {
        const report = await settle(wrong.check());
        if (report.ok) {
          expect(
            report.value.ok,
            'check() with wrong credentials reports ok: false (a preflight that passes with a wrong key lets a broken setup go live)',
          ).toBe(false);
        } else {
          expectConnectorError(
            report.error,
            'authorization_failed',
            'check() with wrong credentials',
          );
        }
      }
      const to = recipient('valid-again');
      await valid.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) });
      expect(mock.sent().length, 'the valid connector still delivers afterwards').toBe(2);
    },
  },
]);

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Waits (a bounded number of turns) for handles being closed to go, then returns what is
 * still above `before`. Sockets close a few event-loop turns after close() resolves.
 */
async function settleHandles(before: Map<string, number>): Promise<string[]> {
  let grown = grownResources(before);
  for (let turn = 0; turn < 40 && grown.length > 0; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    grown = grownResources(before);
  }
  return grown;
}

/** Lifecycle: close() is idempotent, sends after it fail clearly. */
export function lifecycleConformance(options: ConformanceOptions): void {
  registerGroup('lifecycle', lifecycleCases, options);
}
