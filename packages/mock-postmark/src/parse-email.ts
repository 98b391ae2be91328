import { parseMailbox } from '@org/connector-core';
import type { PostmarkOutboxMessage } from './types.js';

export type ParsedEmail = Omit<PostmarkOutboxMessage, 'messageId' | 'submittedAt' | 'operation'>;

export interface EmailProblem {
  errorCode: number;
  message: string;
}

/** Splits Postmark's comma-separated address lists, leaving commas in quoted names alone. */
export function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export function addressOf(mailbox: string): string | undefined {
  try {
    return parseMailbox(mailbox).address;
  } catch {
    return undefined;
  }
}

const invalid = (message: string): EmailProblem => ({ errorCode: 300, message });

function addressList(fields: Record<string, unknown>, field: string): string[] | EmailProblem {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') return invalid(`'${field}' must be a string.`);
  const list = splitAddressList(value);
  const bad = list.find((item) => addressOf(item) === undefined);
  if (bad !== undefined) {
    return invalid(
      `Error parsing '${field}': Illegal email address '${bad.slice(0, 80)}'. It must contain the '@' symbol.`,
    );
  }
  return list;
}

/** Validates one `POST /email` body the way Postmark does (ErrorCode 300 for a bad request). */
export function parseEmail(body: unknown): ParsedEmail | EmailProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errorCode: 403, message: 'Incompatible JSON input: expected an object.' };
  }
  const fields = body as Record<string, unknown>;
  if (typeof fields.From !== 'string' || fields.From === '') {
    return invalid("Invalid 'From' address: ''.");
  }
  const fromAddress = addressOf(fields.From);
  if (fromAddress === undefined)
    return invalid(`Invalid 'From' address: '${fields.From.slice(0, 80)}'.`);
  const lists: Record<string, string[]> = {};
  for (const field of ['To', 'Cc', 'Bcc', 'ReplyTo']) {
    const list = addressList(fields, field);
    if (!Array.isArray(list)) return list;
    lists[field] = list;
  }
  const to = lists.To as string[];
  const cc = lists.Cc as string[];
  const bcc = lists.Bcc as string[];
  if (to.length + cc.length + bcc.length === 0) return invalid('Zero recipients specified');
  if (to.length + cc.length + bcc.length > 50) {
    return invalid('You can send to at most 50 recipients (To, Cc and Bcc together).');
  }
  for (const field of ['Subject', 'HtmlBody', 'TextBody', 'Tag', 'MessageStream', 'TrackLinks']) {
    if (fields[field] !== undefined && typeof fields[field] !== 'string') {
      return invalid(`'${field}' must be a string.`);
    }
  }
  if (fields.HtmlBody === undefined && fields.TextBody === undefined) {
    return invalid('Provide either email TextBody or HtmlBody or both.');
  }
  if (typeof fields.Tag === 'string' && fields.Tag.length > 1000) {
    return invalid('The Tag is limited to 1000 characters.');
  }
  const headers = fields.Headers ?? [];
  if (
    !Array.isArray(headers) ||
    !headers.every(
      (header: { Name?: unknown; Value?: unknown }) =>
        typeof header?.Name === 'string' && typeof header.Value === 'string',
    )
  ) {
    return invalid("'Headers' must be an array of { Name, Value } objects.");
  }
  const metadata = fields.Metadata ?? {};
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    Array.isArray(metadata) ||
    Object.values(metadata).some((value) => typeof value !== 'string')
  ) {
    return invalid("'Metadata' must be an object of string values.");
  }
  return {
    from: fields.From,
    fromAddress,
    to,
    cc,
    bcc,
    replyTo: lists.ReplyTo as string[],
    subject: typeof fields.Subject === 'string' ? fields.Subject : '',
    ...(typeof fields.HtmlBody === 'string' ? { html: fields.HtmlBody } : {}),
    ...(typeof fields.TextBody === 'string' ? { text: fields.TextBody } : {}),
    headers: (headers as { Name: string; Value: string }[]).map(({ Name, Value }) => ({
      name: Name,
      value: Value,
    })),
    ...(typeof fields.Tag === 'string' && fields.Tag !== '' ? { tag: fields.Tag } : {}),
    metadata: { ...(metadata as Record<string, string>) },
    messageStream: typeof fields.MessageStream === 'string' ? fields.MessageStream : 'outbound',
    ...(typeof fields.TrackOpens === 'boolean' ? { trackOpens: fields.TrackOpens } : {}),
    ...(typeof fields.TrackLinks === 'string' ? { trackLinks: fields.TrackLinks } : {}),
  };
}

export function isProblem(value: ParsedEmail | EmailProblem): value is EmailProblem {
  return 'errorCode' in value;
}
