import type { OutboxMessage } from '../types.js';
import { parseMailbox } from './address.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const CRLF = '\r\n';

/** RFC 2047 encoded-words, each at most 75 characters, never splitting a UTF-8 sequence. */
export function encodeWords(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

function formatMailbox(input: string): string {
  const mailbox = parseMailbox(input);
  if (!mailbox) return input;
  if (!mailbox.name) return mailbox.address;
  const name = PRINTABLE_ASCII.test(mailbox.name)
    ? `"${mailbox.name.replace(/(["\\])/g, '\\$1')}"`
    : encodeWords(mailbox.name);
  return `${name} <${mailbox.address}>`;
}

const mailboxList = (list: string[]) => list.map(formatMailbox).join(`,${CRLF} `);

function base64Lines(content: string | Buffer): string {
  const encoded = (typeof content === 'string' ? Buffer.from(content) : content).toString('base64');
  return encoded.replace(/.{1,76}/g, (line) => `${line}${CRLF}`);
}

const noNewlines = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** A parameter value inside quotes: `"` and `\` escaped, non-ASCII as encoded-words. */
function quotedParameter(value: string): string {
  const flat = noNewlines(value);
  return PRINTABLE_ASCII.test(flat) ? flat.replace(/(["\\])/g, '\\$1') : encodeWords(flat);
}

function textPart(contentType: string, content: string): string {
  return [
    `Content-Type: ${contentType}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(content),
  ].join(CRLF);
}

function multipart(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}${CRLF}${p}`).join(CRLF)}${CRLF}--${boundary}--${CRLF}`;
}

/** The MIME of a bare message body (TestRenderEmailTemplate's `RenderedTemplate`). */
export function renderContentMime(parts: {
  subject: string;
  html?: string;
  text?: string;
  date: Date;
}): string {
  const boundary = `alt-${parts.date.getTime().toString(16)}`;
  const alternatives: string[] = [];
  if (parts.text !== undefined) alternatives.push(textPart('text/plain', parts.text));
  if (parts.html !== undefined) alternatives.push(textPart('text/html', parts.html));
  if (alternatives.length === 0) alternatives.push(textPart('text/plain', ''));
  return [
    `Date: ${parts.date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Subject: ${encodeWords(noNewlines(parts.subject))}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    multipart(boundary, alternatives),
  ].join(CRLF);
}

/**
 * An RFC 5322 rendering of a stored message, for mail clients: Raw sends come back as sent;
 * others as multipart/alternative UTF-8 (wrapped in multipart/mixed when there are attachments).
 */
export function toEml(message: OutboxMessage): string {
  if (message.raw !== undefined) return message.raw;
  const boundaryBase = message.messageId.replace(/[^A-Za-z0-9]/g, '').slice(-24);
  const headers: string[] = [
    `From: ${formatMailbox(message.from)}`,
    ...(message.to.length ? [`To: ${mailboxList(message.to)}`] : []),
    ...(message.cc.length ? [`Cc: ${mailboxList(message.cc)}`] : []),
    ...(message.replyTo.length ? [`Reply-To: ${mailboxList(message.replyTo)}`] : []),
    `Subject: ${encodeWords(noNewlines(message.subject))}`,
    `Date: ${new Date(message.timestamp).toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: <${message.messageId}@email.amazonses.com>`,
    'MIME-Version: 1.0',
    ...message.headers.map((h) => `${noNewlines(h.name)}: ${encodeWords(noNewlines(h.value))}`),
  ];

  const alternatives: string[] = [];
  if (message.text !== undefined) alternatives.push(textPart('text/plain', message.text));
  if (message.html !== undefined) alternatives.push(textPart('text/html', message.html));
  if (alternatives.length === 0) alternatives.push(textPart('text/plain', ''));

  const altBoundary = `alt-${boundaryBase}`;
  const body =
    alternatives.length === 1
      ? (alternatives[0] as string)
      : `Content-Type: multipart/alternative; boundary="${altBoundary}"${CRLF}${CRLF}${multipart(altBoundary, alternatives)}`;

  if (message.attachments.length === 0) {
    return `${headers.join(CRLF)}${CRLF}${body}`;
  }
  const mixedBoundary = `mixed-${boundaryBase}`;
  const attachmentParts = message.attachments.map((a) => {
    const quoted = a.filename === undefined ? undefined : quotedParameter(a.filename);
    const name = quoted ? `; filename="${quoted}"` : '';
    return [
      `Content-Type: ${noNewlines(a.contentType)}${quoted ? `; name="${quoted}"` : ''}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: ${noNewlines(a.disposition ?? 'attachment')}${name}`,
      ...(a.contentId ? [`Content-ID: ${noNewlines(a.contentId)}`] : []),
      '',
      base64Lines(Buffer.from(a.content, 'base64')),
    ].join(CRLF);
  });
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${mixedBoundary}"`,
    '',
    multipart(mixedBoundary, [body, ...attachmentParts]),
  ].join(CRLF);
}
