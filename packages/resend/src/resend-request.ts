import { createHash } from 'node:crypto';
import { formatMailbox, type OutgoingEmail } from '@org/connector-core';

/** The `POST /emails` body for one rendered email (Resend's field names). */
export function resendEmailBody(email: OutgoingEmail): Record<string, unknown> {
  const headers = Object.keys(email.headers).length > 0 ? { headers: email.headers } : {};
  const tags = Object.entries(email.tags).map(([name, value]) => ({ name, value }));
  return {
    from: formatMailbox(email.from),
    to: email.to.map(formatMailbox),
    subject: email.subject,
    ...(email.html === undefined ? {} : { html: email.html }),
    text: email.text,
    ...(email.replyTo.length > 0 ? { reply_to: email.replyTo.map(formatMailbox) } : {}),
    ...headers,
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/**
 * Resend takes keys of 1 to 256 characters: a longer key of ours is sent as its SHA-256, which
 * keeps one key one email.
 */
export function resendIdempotencyKey(key: string): string {
  return key.length <= 256 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
