import type { ProviderFaultKind } from '@org/connector-core/testing';
import { expect } from 'vitest';
import { addressOf, expectRejection } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import { errorFaultKinds, faultExpectations } from '../fault-expectations.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

// Enough to outlast any sane retry budget, so a retrying connector still ends in the error.
const persistent = 100;

function mapsFault(fault: Exclude<ProviderFaultKind, 'latency'>) {
  const expected = faultExpectations[fault];
  return {
    name: `${fault} → ${expected.code} (retryable: ${expected.retryable}), with cause and provider`,
    async run({ connector, mock }: CaseContext) {
      const created = await connector();
      const retries = created.metadata.capabilities.retries;
      mock.inject(fault, { times: persistent });
      const what = `${fault} (${expected.meaning})`;
      const error = await expectRejection(
        created.sendMessage({
          to: recipient(fault),
          type: 'SignIn',
          payload: conformancePayload(newCode()),
        }),
        expected.code,
        what,
      );
      expect(error.retryable, `${what}: retryable`).toBe(expected.retryable);
      expect(error.provider, `${what}: error.provider is metadata.provider`).toBe(
        created.metadata.provider,
      );
      expect(error.cause, `${what}: error.cause keeps the provider's error`).toBeDefined();
      expect(error.message.trim(), `${what}: a message`).not.toBe('');
      expect(mock.sent(), `${what}: nothing delivered`).toHaveLength(0);
      const requests = mock.requestCount();
      if (expected.retryable && retries) {
        expect(requests, `${what}: a retrying connector tries again`).toBeGreaterThan(1);
      } else {
        expect(
          requests,
          `${what}: ${expected.retryable ? 'no retries declared' : 'a non-retryable error is not retried'}`,
        ).toBe(1);
      }
      if (error.attempts !== undefined) {
        expect(error.attempts, `${what}: error.attempts counts the provider requests`).toBe(
          requests,
        );
      }

      // The connector is not left broken: once the provider recovers, sends go through.
      mock.reset();
      const to = recipient('recovered');
      await created.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) });
      expect(
        mock.sent().map((email) => email.to.map(addressOf)),
        `${what}: a send after recovery`,
      ).toEqual([[to]]);
    },
  };
}

function clearsWithinRetries(fault: 'throttle' | 'unavailable' | 'network_error') {
  return {
    name: `a ${fault} fault that clears within the retry budget ends in one delivered email`,
    requires: 'retries' as const,
    async run({ connector, mock }: CaseContext) {
      const created = await connector();
      mock.inject(fault, { times: 1 });
      const to = recipient(fault);
      const result = await created.sendMessage({
        to,
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      const sent = mock.sent();
      expect(sent, 'delivered exactly once').toHaveLength(1);
      expect(sent[0]!.to.map(addressOf)).toEqual([to]);
      expect(result.messageId, 'SendResult.messageId').toBe(sent[0]!.messageId);
      expect(result.attempts, 'SendResult.attempts: the failed attempt and the retry').toBe(2);
      expect(mock.requestCount(), 'provider requests').toBe(2);
    },
  };
}

export const errorsCases = defineCases('errors', [
  ...errorFaultKinds.map(mapsFault),
  clearsWithinRetries('throttle'),
  clearsWithinRetries('unavailable'),
  clearsWithinRetries('network_error'),
]);

/** Errors: each provider fault maps to its documented code; retries recover transient ones. */
export function errorsConformance(options: ConformanceOptions): void {
  registerGroup('errors', errorsCases, options);
}
