import type { EmailConnector } from '@org/connector-core';
import type { ProviderErrorFaultKind, ProviderMock } from '@org/connector-core/testing';
import { assert, expect } from 'vitest';
import { addressOf, describeValue, expectConnectorError } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import { errorFaultKinds, faultExpectations } from '../fault-expectations.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

// Enough to outlast any sane retry budget, so a retrying connector still ends in the error.
const persistent = 25;
// More attempts than this for one send against a persistent fault is a retry loop without a cap.
const attemptCap = 10;

/** The wire forms a mock offers for a fault; a mock without `faultVariants` fails clearly. */
export function variantsOf(mock: ProviderMock, fault: ProviderErrorFaultKind): readonly string[] {
  if (typeof mock.faultVariants !== 'function') {
    return assert.fail(
      'harness.mock.faultVariants is missing: a ProviderMock must list the wire forms it can answer each fault with (see the table in the conformance README)',
    );
  }
  const variants = mock.faultVariants(fault);
  expect(
    variants.length,
    `mock.faultVariants("${fault}") lists at least one wire form`,
  ).toBeGreaterThan(0);
  return variants;
}

async function expectFaultOutcome(
  created: EmailConnector,
  mock: ProviderMock,
  fault: ProviderErrorFaultKind,
  variant: string,
): Promise<void> {
  const expected = faultExpectations[fault];
  const retries = created.metadata.capabilities.retries;
  mock.reset();
  mock.inject(fault, { times: persistent, variant });
  const what = `${fault} as "${variant}" (${expected.meaning})`;
  let outcome: unknown;
  let resolved = false;
  try {
    outcome = await created.sendMessage({
      to: recipient(fault),
      type: 'SignIn',
      payload: conformancePayload(newCode()),
    });
    resolved = true;
  } catch (error) {
    outcome = error;
  }
  const requests = mock.requestCount();
  if (requests > attemptCap) {
    assert.fail(
      `${what}: one send made ${requests} provider requests against a fault that does not clear: the retry loop has no cap (bound it, e.g. by a maxAttempts setting)`,
    );
  }
  if (resolved) {
    assert.fail(
      `${what}: expected a rejection, but it resolved with ${describeValue(outcome)} although the provider refused it: a provider error was swallowed into success`,
    );
  }
  const error = expectConnectorError(outcome, expected.code, what);
  expect(error.retryable, `${what}: retryable`).toBe(expected.retryable);
  expect(error.provider, `${what}: error.provider is metadata.provider`).toBe(
    created.metadata.provider,
  );
  expect(error.cause, `${what}: error.cause keeps the provider's error`).toBeDefined();
  expect(error.message.trim(), `${what}: a message`).not.toBe('');
  expect(mock.sent(), `${what}: nothing delivered`).toHaveLength(0);
  if (expected.retryable && retries) {
    expect(requests, `${what}: a retrying connector tries again`).toBeGreaterThan(1);
  } else {
    expect(
      requests,
      `${what}: ${expected.retryable ? 'no retries declared' : 'a non-retryable error is not retried'}`,
    ).toBe(1);
  }
  if (error.attempts !== undefined) {
    expect(error.attempts, `${what}: error.attempts counts the provider requests`).toBe(requests);
  }
}

function mapsFault(fault: ProviderErrorFaultKind) {
  const expected = faultExpectations[fault];
  return {
    name: `${fault}, in every wire form the mock offers → ${expected.code} (retryable: ${expected.retryable}), with cause and provider`,
    async run({ connector, mock }: CaseContext) {
      const created = await connector();
      for (const variant of variantsOf(mock, fault)) {
        await expectFaultOutcome(created, mock, fault, variant);
      }
      // The connector is not left broken: once the provider recovers, sends go through.
      mock.reset();
      const to = recipient('recovered');
      await created.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) });
      expect(
        mock.sent().map((email) => email.to.map(addressOf)),
        `${fault}: a send after recovery`,
      ).toEqual([[addressOf(to)]]);
    },
  };
}

function clearsWithinRetries(fault: 'throttle' | 'unavailable' | 'network_error') {
  return {
    name: `a ${fault} fault (every wire form) that clears within the retry budget ends in one delivered email`,
    requires: 'retries' as const,
    async run({ connector, mock }: CaseContext) {
      const created = await connector();
      for (const variant of variantsOf(mock, fault)) {
        mock.reset();
        mock.inject(fault, { times: 1, variant });
        const what = `${fault} as "${variant}"`;
        const to = recipient(fault);
        const result = await created.sendMessage({
          to,
          type: 'SignIn',
          payload: conformancePayload(newCode()),
        });
        const sent = mock.sent();
        expect(sent, `${what}: delivered exactly once`).toHaveLength(1);
        expect(sent[0]!.to.map(addressOf)).toEqual([addressOf(to)]);
        expect(result.messageId, `${what}: SendResult.messageId`).toBe(sent[0]!.messageId);
        expect(
          result.attempts,
          `${what}: SendResult.attempts: the failed attempt and the retry`,
        ).toBe(2);
        expect(mock.requestCount(), `${what}: provider requests`).toBe(2);
      }
    },
  };
}

export const errorsCases = defineCases('errors', [
  ...errorFaultKinds.map(mapsFault),
  clearsWithinRetries('throttle'),
  clearsWithinRetries('unavailable'),
  clearsWithinRetries('network_error'),
]);

/** Errors: each wire form of each provider fault maps to its documented code; retries recover. */
export function errorsConformance(options: ConformanceOptions): void {
  registerGroup('errors', errorsCases, options);
}
