import { parseMailbox } from '@org/connector-core';
import type { ResendErrorName } from './errors.js';
import type { ResendOutboxMessage } from './types.js';

export interface EmailProblem {
  name: ResendErrorName;
  message: string;
}

export type ParsedEmail = Omit<
  ResendOutboxMessage,
  'id' | 'createdAt' | 'idempotencyKey' | 'operation'
>;

const tagPattern = /^[A-Za-z0-9_-]{1,256}$/;

function list(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

function addressOf(mailbox: string): string | undefined {
  try {
    return parseMailbox(mailbox).address;
  } catch {
    return undefined;
  }
}

/** Validates one `POST /emails` body the way Resend does, field by field. */
export function parseEmail(body: unknown): ParsedEmail | EmailProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { name: 'validation_error', message: 'The request body must be a JSON object.' };
  }
  const fields = body as Record<string, unknown>;
  for (const field of ['from', 'to', 'subject'] as const) {
    if (fields[field] === undefined || fields[field] === '') {
      return { name: 'missing_required_field', message: `Missing \`${field}\` field.` };
    }
  }
  if (typeof fields.from !== 'string' || addressOf(fields.from) === undefined) {
    return {
      name: 'invalid_from_address',
      message:
        'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
    };
  }
  const recipients: Record<'to' | 'cc' | 'bcc' | 'reply_to', string[]> = {
    to: [],
    cc: [],
    bcc: [],
    reply_to: [],
  };
  for (const field of ['to', 'cc', 'bcc', 'reply_to'] as const) {
    const values = list(fields[field]);
    const invalid = values?.find((value) => addressOf(value) === undefined);
    if (values === undefined || invalid !== undefined) {
      return {
        name: 'validation_error',
        message: `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
      };
    }
    recipients[field] = values;
  }
  if (recipients.to.length > 50) {
    return { name: 'validation_error', message: 'The `to` field must have at most 50 recipients.' };
  }
  if (typeof fields.subject !== 'string') {
    return { name: 'validation_error', message: 'The `subject` field must be a string.' };
  }
  for (const field of ['html', 'text'] as const) {
    if (fields[field] !== undefined && typeof fields[field] !== 'string') {
      return { name: 'validation_error', message: `The \`${field}\` field must be a string.` };
    }
  }
  if (fields.html === undefined && fields.text === undefined && fields.react === undefined) {
    return {
      name: 'validation_error',
      message: 'Missing `html` or `text` field. One of them is required.',
    };
  }
  const headers = fields.headers ?? {};
  if (
    typeof headers !== 'object' ||
    headers === null ||
    Array.isArray(headers) ||
    Object.values(headers).some((value) => typeof value !== 'string' || /[\r\n]/.test(value))
  ) {
    return {
      name: 'validation_error',
      message: 'The `headers` field must be an object of string values without line breaks.',
    };
  }
  const tags = fields.tags ?? [];
  if (
    !Array.isArray(tags) ||
    !tags.every(
      (tag: { name?: unknown; value?: unknown }) =>
        typeof tag?.name === 'string' &&
        typeof tag.value === 'string' &&
        tagPattern.test(tag.name) &&
        tagPattern.test(tag.value),
    )
  ) {
    return {
      name: 'validation_error',
      message:
        'Tags should only contain ASCII letters, numbers, underscores, or dashes, and be at most 256 characters long.',
    };
  }
  return {
    from: fields.from,
    fromAddress: addressOf(fields.from) as string,
    to: recipients.to,
    cc: recipients.cc,
    bcc: recipients.bcc,
    replyTo: recipients.reply_to,
    subject: fields.subject,
    ...(typeof fields.html === 'string' ? { html: fields.html } : {}),
    ...(typeof fields.text === 'string' ? { text: fields.text } : {}),
    headers: { ...(headers as Record<string, string>) },
    tags: (tags as { name: string; value: string }[]).map(({ name, value }) => ({ name, value })),
    ...(typeof fields.scheduled_at === 'string' ? { scheduledAt: fields.scheduled_at } : {}),
  };
}

export function isProblem(value: ParsedEmail | EmailProblem): value is EmailProblem {
  return 'name' in value && !('fromAddress' in value);
}
