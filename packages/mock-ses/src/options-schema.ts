import { z } from 'zod';
import { MockSesInputError } from './mock-ses-input-error.js';
import type { MockSesOptions, MockSesServerOptions } from './types.js';

/** An AWS region code such as `us-east-1`, `eu-west-2` or `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const EMAIL_IDENTITY_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
export const DOMAIN_IDENTITY_PATTERN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** A host name or an IP address to bind: no spaces, CR/LF, ports or paths. */
export const HOST_PATTERN = /^(?:[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/;
/** Caps that keep startup (and every later identity or template lookup) bounded. */
const MAX_LIST = 10_000;

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

const region = z.string().regex(REGION_PATTERN, {
  error: (issue) =>
    `must be an AWS region code such as us-east-1 or eu-west-2 (got ${shown(issue.input)})`,
});

const identity = z
  .string({ error: (issue) => `must be an email address or a domain (got ${shown(issue.input)})` })
  .refine((value) => EMAIL_IDENTITY_PATTERN.test(value) || DOMAIN_IDENTITY_PATTERN.test(value), {
    error: (issue) =>
      `must be an email address or a domain, like sender@example.com or example.com (got ${shown(issue.input)})`,
  });

const positive = z
  .number({ error: (issue) => `must be a positive number (got ${shown(issue.input)})` })
  .refine((value) => Number.isFinite(value) && value > 0, {
    error: (issue) => `must be a positive number (got ${shown(issue.input)})`,
  });

const endpoint = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: (issue) =>
      `must be an absolute http(s) URL such as http://localhost:4566 (got ${shown(issue.input)})`,
  });

// The secret is never shown: the messages say what shape was expected, not what was given.
const credential = z.object({
  accessKeyId: z
    .string({ error: 'must be a string' })
    .regex(/^[!-~]{1,128}$/, 'must be 1 to 128 printable ASCII characters, no spaces'),
  secretAccessKey: z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(1024, 'must be at most 1024 characters'),
  sessionToken: z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(8192, 'must be at most 8192 characters')
    .optional(),
});

const template = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -'),
  subject: z.string(),
  html: z.string().optional(),
  text: z.string().optional(),
});

/**
 * The options of createMockSes / useMockSes. Unknown keys pass (a newer option is not an
 * error here); every known one is checked, so a bad value fails at startup with its name,
 * not later inside a request.
 */
const mockOptionsShape = {
  region: region.optional(),
  endpoints: z.array(endpoint).max(MAX_LIST).optional(),
  identities: z.array(identity).max(MAX_LIST).optional(),
  sandbox: z.boolean().optional(),
  maxSendRate: positive.optional(),
  max24HourSend: positive.optional(),
  sendingEnabled: z.boolean().optional(),
  credentials: z
    .unknown()
    .superRefine((value, ctx) => {
      // By shape, not a union: an error then names the field ("credentials.0.secretAccessKey").
      const schema = Array.isArray(value) ? z.array(credential).min(1).max(MAX_LIST) : credential;
      const result = schema.safeParse(value);
      for (const issue of result.error?.issues ?? []) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
    })
    .optional(),
  seed: z.number().int().refine(Number.isSafeInteger, 'must be a safe integer').optional(),
  now: z
    .custom<() => number>((value) => typeof value === 'function', {
      error: (issue) =>
        `must be a function returning ms since the epoch (got ${shown(issue.input)})`,
    })
    .optional(),
  templates: z.array(template).max(MAX_LIST).optional(),
  configurationSets: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -'))
    .max(MAX_LIST)
    .optional(),
  enforcementStatus: z
    .enum(['HEALTHY', 'PROBATION', 'SHUTDOWN'], {
      error: (issue) => `must be HEALTHY, PROBATION or SHUTDOWN (got ${shown(issue.input)})`,
    })
    .optional(),
};

const mockOptionsSchema = z.looseObject(mockOptionsShape);

const serverOptionsSchema = z.looseObject({
  ...mockOptionsShape,
  port: z.number().int().min(0).max(65_535).optional(),
  host: z
    .string()
    .regex(HOST_PATTERN, 'must be a host name or an IP address such as 127.0.0.1 or ::1')
    .optional(),
});

function check(schema: z.ZodType, options: unknown, where: string): void {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new MockSesInputError('invalid_options', `${where}: options must be an object`);
  }
  const result = schema.safeParse(options ?? {});
  if (result.success) return;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'options'} ${issue.message}`);
  throw new MockSesInputError('invalid_options', `${where}: ${issues.join('; ')}`);
}

/** Throws MockSesInputError (code `invalid_options`) naming each wrong option. */
export function assertMockOptions(options: MockSesOptions | undefined, where = 'createMockSes') {
  check(mockOptionsSchema, options, where);
}

export function assertServerOptions(
  options: MockSesServerOptions | undefined,
  where = 'startMockSesServer',
) {
  check(serverOptionsSchema, options, where);
}
