import { z } from 'zod';
import { SmtpMockInputError } from './smtp-mock-input-error.js';
import type { SmtpFault, SmtpFaultOptions, SmtpMockOptions } from './types.js';

/** Ten minutes: longer than any client socket timeout a test would wait out. */
export const MAX_DELAY_MS = 600_000;
/**
 * An SMTP reply line is at most 512 octets with its code and CRLF (RFC 5321 4.5.3.1.5). The
 * text is printable ASCII without CR/LF: a line break would let a fault write reply lines of
 * its own (a `250 OK` after the error) into the session.
 */
const REPLY_TEXT = /^[ -~]{1,500}$/;

const stage = z.enum(['CONNECT', 'AUTH', 'MAIL', 'RCPT', 'DATA'], {
  error: (issue) =>
    `stage must be CONNECT, AUTH, MAIL, RCPT or DATA (got ${JSON.stringify(issue.input)})`,
});

const faultSchemas = {
  reply: z.strictObject({
    kind: z.literal('reply'),
    stage,
    // 4xx and 5xx only: a 2xx or 3xx "fault" would tell the client the stage succeeded.
    code: z
      .number({ error: 'code must be an SMTP reply code from 400 to 599' })
      .int('code must be an SMTP reply code from 400 to 599')
      .min(400, 'code must be an SMTP reply code from 400 to 599')
      .max(599, 'code must be an SMTP reply code from 400 to 599'),
    message: z
      .string({ error: 'message must be a string' })
      .regex(REPLY_TEXT, 'message must be 1 to 500 printable ASCII characters, without CR/LF'),
  }),
  drop: z.strictObject({ kind: z.literal('drop'), stage }),
  delay: z.strictObject({
    kind: z.literal('delay'),
    stage,
    ms: z
      .number({ error: `ms must be a number from 0 to ${MAX_DELAY_MS}` })
      .min(0, `ms must be from 0 to ${MAX_DELAY_MS}`)
      .max(MAX_DELAY_MS, `ms must be from 0 to ${MAX_DELAY_MS}`),
  }),
} as const;

function issuesOf(error: z.ZodError, root: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = [root, ...issue.path.map(String)].filter(Boolean).join('.');
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** The fault, checked by its `kind` first so an error names the wrong field. */
export function assertSmtpFault(value: unknown): SmtpFault {
  const kind =
    typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const schema =
    kind === 'reply' || kind === 'drop' || kind === 'delay' ? faultSchemas[kind] : undefined;
  if (!schema) {
    throw new SmtpMockInputError(
      'invalid_fault',
      `fault: kind must be reply, drop or delay (got ${JSON.stringify(kind ?? value) ?? String(value)})`,
    );
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new SmtpMockInputError('invalid_fault', issuesOf(result.error, 'fault'));
}

const faultOptionsSchema = z.strictObject({
  times: z
    .custom<number>((v) => Number.isSafeInteger(v) && (v as number) >= 1, {
      error: (issue) => `times must be a positive integer; got ${String(issue.input)}.`,
    })
    .optional(),
});

export function assertFaultOptions(value: unknown): SmtpFaultOptions {
  if (value === undefined) return {};
  const result = faultOptionsSchema.safeParse(value);
  if (result.success) return result.data;
  throw new SmtpMockInputError('invalid_fault', issuesOf(result.error, 'options'));
}

/** A header name as RFC 5322 allows it: printable ASCII without colon. */
const HEADER_NAME = /^[!-9;-~]{1,76}$/;
/** The greeting and EHLO name: a host name, so it cannot break the reply line. */
const HOST_NAME = /^[A-Za-z0-9.-]{1,253}$/;

const optionsSchema = z.looseObject({
  auth: z
    .strictObject({
      user: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(512),
      pass: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(512),
    })
    .optional(),
  tls: z
    .enum(['starttls', 'implicit', 'none'], {
      error: (issue) => `must be starttls, implicit or none (got ${JSON.stringify(issue.input)})`,
    })
    .optional(),
  certificate: z.object({ key: z.string().min(1), cert: z.string().min(1) }).optional(),
  tagHeader: z
    .union([
      z.literal(false),
      z.string().regex(HEADER_NAME, 'must be a header name such as X-Tags'),
    ])
    .optional(),
  name: z.string().regex(HOST_NAME, 'must be a host name such as mock.smtp.test').optional(),
  size: z
    .number()
    .int('must be a whole number of bytes')
    .min(1, 'must be at least 1 byte')
    .max(1024 * 1024 * 1024, 'must be at most 1 GiB')
    .optional(),
});

/** Throws SmtpMockInputError (code `invalid_options`) naming each wrong option, never a password. */
export function assertSmtpMockOptions(options: unknown): SmtpMockOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new SmtpMockInputError('invalid_options', 'startSmtpMock: options must be an object');
  }
  const result = optionsSchema.safeParse(options ?? {});
  if (result.success) return (options ?? {}) as SmtpMockOptions;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'options'} ${issue.message}`);
  throw new SmtpMockInputError('invalid_options', `startSmtpMock: ${issues.join('; ')}`);
}
