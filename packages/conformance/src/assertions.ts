import { inspect } from 'node:util';
import { ConnectorError, type ConnectorErrorCode } from '@org/connector-core';
import type { DeliveredEmail } from '@org/connector-core/testing';
import { assert, expect } from 'vitest';
import { findLeak, type Sensitive } from './leak-forms.js';

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

export function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'messageId' in value) {
    return `a SendResult (messageId ${String((value as { messageId: unknown }).messageId)})`;
  }
  return inspect(value, { depth: 1 });
}

/** Asserts a ConnectorError (from any copy of core), whatever its code, and returns it. */
export function expectAnyConnectorError(error: unknown, what: string): ConnectorError {
  if (!ConnectorError.isInstance(error)) {
    return assert.fail(`${what}: expected a ConnectorError, got ${rawErrorOf(error)}`);
  }
  return error;
}

/** How a thrown value that is not a ConnectorError is described: name and first line only. */
export function rawErrorOf(error: unknown): string {
  if (error instanceof Error) {
    const first = error.message.split('\n')[0]!.slice(0, 160);
    return `a raw ${error.name} ("${first}"): it escaped the connector unmapped, and every failure must be a ConnectorError with a code`;
  }
  return `a thrown ${typeof error} (not a ConnectorError)`;
}

/** Asserts a ConnectorError (from any copy of core) with this code, and returns it. */
export function expectConnectorError(
  error: unknown,
  code: ConnectorErrorCode,
  what: string,
): ConnectorError {
  if (!ConnectorError.isInstance(error)) {
    return assert.fail(
      `${what}: expected a ConnectorError with code "${code}", got ${rawErrorOf(error)}`,
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

/**
 * The bare address of `Name <a@b.c>` or `a@b.c`, its domain lower-cased. The local part is
 * kept exactly: `Ada.Lovelace+news` and `ada.lovelace` are different mailboxes.
 */
export function addressOf(mailbox: string): string {
  const match = /<([^<>]*)>\s*$/.exec(mailbox);
  const address = (match?.[1] ?? mailbox).trim();
  const at = address.lastIndexOf('@');
  return at === -1 ? address : `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

export function expectNothingSent(
  mock: { sent(): DeliveredEmail[]; requestCount(): number },
  what: string,
): void {
  expect(mock.requestCount(), `${what}: provider requests`).toBe(0);
  expect(mock.sent(), `${what}: delivered emails`).toHaveLength(0);
}

function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (jsonError) {
    return `JSON.stringify threw: ${String(jsonError)}`;
  }
}

/** The error, its `cause` chain and AggregateError members, at most `limit` of them. */
function errorChain(error: unknown, limit = 12): unknown[] {
  const chain: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < limit) {
    const next = queue.shift();
    if (next === undefined || next === null || chain.includes(next)) continue;
    chain.push(next);
    if (typeof next === 'object') {
      const { cause, errors } = next as { cause?: unknown; errors?: unknown };
      if (cause !== undefined) queue.push(cause);
      if (Array.isArray(errors)) queue.push(...errors);
    }
  }
  return chain;
}

/**
 * Every text a user could see or log from an error and each error of its cause chain: its
 * message, hint, string form, JSON and `util.inspect` output (what `console.error(error)`
 * prints, and what a log serializer walking `cause` with `showHidden` prints).
 */
export function errorTexts(error: unknown): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const [depth, link] of errorChain(error).entries()) {
    const at = depth === 0 ? '' : `cause #${depth} `;
    if (link instanceof Error) {
      texts.push({ where: `${at}message`, text: link.message });
      texts.push({ where: `String(${at || 'error'})`.replace(' )', ')'), text: String(link) });
      if (link.stack) texts.push({ where: `${at}stack`, text: link.stack });
    } else {
      texts.push({ where: `${at}value`, text: String(link) });
    }
    if (ConnectorError.isInstance(link) && link.hint) {
      texts.push({ where: `${at}hint`, text: link.hint });
    }
    texts.push({
      where: `JSON.stringify(${at || 'error'})`.replace(' )', ')'),
      text: jsonOf(link),
    });
  }
  texts.push({ where: 'util.inspect(error)', text: inspect(error, { depth: 8 }) });
  return texts;
}

/**
 * Fails when any text contains any of the values in any leaked form (raw, base64,
 * percent-encoded, JSON-escaped, all but four characters). The failure names where and which
 * form, never the value: a conformance report must not print the secret it caught.
 */
export function expectNoneOf(
  texts: readonly { where: string; text: string }[],
  values: readonly Sensitive[],
  what: string,
): void {
  for (const { where, text } of texts) {
    const leak = findLeak(text, values);
    if (leak) {
      assert.fail(
        `${what}: ${where} contains ${leak.label}; secrets and verification codes must never appear in errors, hints, causes, events, logs or inspect output, in any encoding`,
      );
    }
  }
}
