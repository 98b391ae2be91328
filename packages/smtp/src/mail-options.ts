import { randomUUID } from 'node:crypto';
import type { Mailbox, OutgoingEmail } from '@org/connector-core';
import type { SendMailOptions } from 'nodemailer';

/** `usage_type=SignIn, app=web`: the tag header's value (names and values never hold `=` or `,`). */
export function formatTags(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

/** The reverse of `formatTags`, for the mock and for tests. */
export function parseTags(value: string | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const trimmed = pair.trim();
    const at = trimmed.indexOf('=');
    if (at <= 0) continue;
    tags[trimmed.slice(0, at).trimEnd()] = trimmed.slice(at + 1).trim();
  }
  return tags;
}

/** A Message-ID under the sender's domain, as RFC 5322 recommends: `<uuid@acme.com>`. */
export function newMessageId(from: Mailbox): string {
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1);
  return `<${randomUUID()}@${domain}>`;
}

function addressObject(mailbox: Mailbox): { name: string; address: string } {
  return { name: mailbox.name ?? '', address: mailbox.address };
}

/**
 * The nodemailer message for one send. Built once per send: every attempt carries the same
 * Message-ID, so a receiving system can tell a retry from a second message.
 */
export function toMailOptions(
  email: OutgoingEmail,
  { tagHeader, messageId }: { tagHeader: string | false; messageId: string },
): SendMailOptions {
  const headers: Record<string, string> = { ...email.headers };
  if (tagHeader !== false && Object.keys(email.tags).length > 0) {
    headers[tagHeader] = formatTags(email.tags);
  }
  return {
    from: addressObject(email.from),
    to: email.to.map(addressObject),
    ...(email.replyTo.length === 0 ? {} : { replyTo: email.replyTo.map(addressObject) }),
    subject: email.subject,
    text: email.text,
    ...(email.html === undefined ? {} : { html: email.html }),
    headers,
    messageId,
    // Explicit, so the envelope is exactly the validated addresses whatever the headers say.
    envelope: { from: email.from.address, to: email.to.map((mailbox) => mailbox.address) },
    // The pipeline produces every byte of the message: nothing may be read from disk or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
