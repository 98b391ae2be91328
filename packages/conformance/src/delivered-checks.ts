import type { DeliveredEmail } from '@org/connector-core/testing';
import { assert, expect } from 'vitest';
import { addressOf } from './assertions.js';
import { findLeak, type Sensitive } from './leak-forms.js';

export function onlyEmail(sent: DeliveredEmail[], what: string): DeliveredEmail {
  expect(sent, `${what}: exactly one delivered email`).toHaveLength(1);
  return sent[0]!;
}

/**
 * The email reaches the recipient exactly (the local part compared case-sensitively, `+tag`
 * and dots kept; the domain case-insensitively) and no one else: no Cc, no Bcc, no further
 * envelope recipient.
 */
export function expectOnlyRecipient(email: DeliveredEmail, to: string, what: string): void {
  const expected = addressOf(to);
  const given = email.to.map(addressOf);
  if (
    given.length === 1 &&
    given[0] !== expected &&
    given[0]!.toLowerCase() === expected.toLowerCase()
  ) {
    assert.fail(
      `${what}: the recipient arrived as ${given[0]} instead of ${expected}; the local part of an address is case-sensitive and its dots and +tag are part of it, so pass the address through unchanged`,
    );
  }
  expect(given, `${what}: To is exactly the recipient given`).toEqual([expected]);
  expect(email.cc ?? [], `${what}: no Cc (the code must reach only the recipient)`).toEqual([]);
  expect(email.bcc ?? [], `${what}: no Bcc (the code must reach only the recipient)`).toEqual([]);
  expect(
    (email.recipients ?? []).map(addressOf),
    `${what}: every envelope recipient (the code must reach only the recipient; a Bcc to the sender or an archive address leaks it)`,
  ).toEqual([expected]);
}

/** Every header name and value of the email except the Subject, which may carry the code. */
export function headerTexts(email: DeliveredEmail): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const [name, value] of Object.entries(email.headers ?? {})) {
    if (name.toLowerCase() === 'subject') continue;
    texts.push({ where: `header ${name}`, text: `${name}: ${value}` });
  }
  for (const { name, value } of email.rawHeaders ?? []) {
    if (name.toLowerCase() === 'subject') continue;
    texts.push({ where: `raw header ${name}`, text: `${name}: ${value}` });
  }
  for (const [name, value] of Object.entries(email.tags ?? {})) {
    texts.push({ where: `tag ${name}`, text: `${name}=${value}` });
  }
  return texts;
}

/** The code (and any secret) must stay out of headers and tags: they are logged and indexed. */
export function expectNothingSensitiveInHeaders(
  email: DeliveredEmail,
  values: readonly Sensitive[],
  what: string,
): void {
  for (const { where, text } of headerTexts(email)) {
    const leak = findLeak(text, values);
    if (leak) {
      assert.fail(
        `${what}: ${where} carries ${leak.label}; codes and secrets belong in no header or tag (providers log and index them)`,
      );
    }
  }
}

/** The display name of a From header (`"Acme, Inc." <a@b.c>` → `Acme, Inc.`), decoded. */
export function displayNameOf(header: string): string | undefined {
  const match = /^\s*(.*?)\s*<[^<>]*>\s*$/.exec(header);
  if (!match || match[1] === '') return undefined;
  let name = match[1]!;
  name = name.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1')),
  );
  if (name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  return name.trim() === '' ? undefined : name.trim();
}
