import { inspect } from 'node:util';
import { ConnectorError, type ConnectorErrorCode } from '@org/connector-core';
import type { DeliveredEmail } from '@org/connector-core/testing';
import { assert, expect } from 'vitest';

/** Awaits a promise that must reject; fails with `what` when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  return assert.fail(`${what}: expected a rejection, but it resolved with ${describeValue(value)}`);
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'messageId' in value) {
    return `a SendResult (messageId ${String((value as { messageId: unknown }).messageId)})`;
  }
  return inspect(value, { depth: 1 });
}

/** Asserts a ConnectorError (from any copy of core), whatever its code, and returns it. */
export function expectAnyConnectorError(error: unknown, what: string): ConnectorError {
  if (!ConnectorError.isInstance(error)) {
    return assert.fail(`${what}: expected a ConnectorError, got ${inspect(error, { depth: 1 })}`);
  }
  return error;
}

/** Asserts a ConnectorError (from any copy of core) with this code, and returns it. */
export function expectConnectorError(
  error: unknown,
  code: ConnectorErrorCode,
  what: string,
): ConnectorError {
  if (!ConnectorError.isInstance(error)) {
    return assert.fail(
      `${what}: expected a ConnectorError with code "${code}", got ${inspect(error, { depth: 1 })}`,
    );
  }
  expect(error.code, `${what}: error code (message: ${error.message})`).toBe(code);
  return error;
}

/** Sends that must fail with `code`; returns the error. */
export async function expectRejection(
  promise: Promise<unknown>,
  code: ConnectorErrorCode,
  what: string,
): Promise<ConnectorError> {
  return expectConnectorError(await rejectionOf(promise, what), code, what);
}

/** The bare address of `Name <a@b.c>` or `a@b.c`, lower-cased. */
export function addressOf(mailbox: string): string {
  const match = /<([^<>]*)>\s*$/.exec(mailbox);
  return (match?.[1] ?? mailbox).trim().toLowerCase();
}

export function expectNothingSent(
  mock: { sent(): DeliveredEmail[]; requestCount(): number },
  what: string,
): void {
  expect(mock.requestCount(), `${what}: provider requests`).toBe(0);
  expect(mock.sent(), `${what}: delivered emails`).toHaveLength(0);
}

/**
 * Every text a user could see or log from an error: its message, hint, string form,
 * JSON and `util.inspect` output (what `console.error(error)` prints, causes included).
 */
export function errorTexts(error: unknown): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  if (error instanceof Error) {
    texts.push({ where: 'message', text: error.message });
    texts.push({ where: 'String(error)', text: String(error) });
  }
  if (ConnectorError.isInstance(error) && error.hint) {
    texts.push({ where: 'hint', text: error.hint });
  }
  let json: string;
  try {
    json = JSON.stringify(error) ?? '';
  } catch (jsonError) {
    json = `JSON.stringify threw: ${String(jsonError)}`;
  }
  texts.push({ where: 'JSON.stringify(error)', text: json });
  texts.push({ where: 'util.inspect(error)', text: inspect(error) });
  return texts;
}

/**
 * Fails when any text contains any of the values. The failure names where, never the value:
 * a conformance report must not print the secret it caught.
 */
export function expectNoneOf(
  texts: readonly { where: string; text: string }[],
  values: readonly { label: string; value: string }[],
  what: string,
): void {
  for (const { where, text } of texts) {
    for (const { label, value } of values) {
      if (value !== '' && text.includes(value)) {
        assert.fail(`${what}: ${where} contains ${label}`);
      }
    }
  }
}
