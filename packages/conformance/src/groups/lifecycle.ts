import { expect } from 'vitest';
import {
  addressOf,
  expectAnyConnectorError,
  expectNothingSent,
  rejectionOf,
} from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
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
      await expect(created.close(), 'a second close()').resolves.toBeUndefined();
      await expect(
        Promise.all([created.close(), created.close()]),
        'concurrent close() calls',
      ).resolves.toBeDefined();
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
      expect(mock.sent().map((email) => email.to.map(addressOf))).toEqual([[to]]);
    },
  },
]);

/** Lifecycle: close() is idempotent, sends after it fail clearly. */
export function lifecycleConformance(options: ConformanceOptions): void {
  registerGroup('lifecycle', lifecycleCases, options);
}
