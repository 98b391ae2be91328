import { formatMailbox, type OutgoingEmail } from '@org/connector-core';
import type { PostmarkConfig } from './config-schema.js';

/** The `POST /email` body for one rendered email (Postmark's field names and list syntax). */
export function postmarkEmailBody(
  email: OutgoingEmail,
  config: PostmarkConfig,
): Record<string, unknown> {
  const headers = Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value }));
  return {
    From: formatMailbox(email.from),
    To: email.to.map(formatMailbox).join(', '),
    Subject: email.subject,
    ...(email.html === undefined ? {} : { HtmlBody: email.html }),
    TextBody: email.text,
    ...(email.replyTo.length > 0 ? { ReplyTo: email.replyTo.map(formatMailbox).join(', ') } : {}),
    ...(headers.length > 0 ? { Headers: headers } : {}),
    Tag: config.tag ?? email.usageType,
    Metadata: email.tags,
    MessageStream: config.messageStream,
    ...(config.trackOpens === undefined ? {} : { TrackOpens: config.trackOpens }),
    ...(config.trackLinks === undefined ? {} : { TrackLinks: config.trackLinks }),
  };
}
