import {
  dropBlankOptionalFields,
  lazySchema,
  mailboxField,
  maxAttemptsField,
  replyToField,
  secret,
  tagsField,
  templatesSchema,
  type Zod,
} from '@org/connector-core';
import type { z } from 'zod';

export const defaultMaxAttempts = 3;
export const defaultConnectionTimeoutMs = 10_000;
export const defaultGreetingTimeoutMs = 10_000;
export const defaultSocketTimeoutMs = 30_000;
export const defaultMaxConnections = 5;
export const defaultMaxMessages = 100;
export const defaultTagHeader = 'X-Tags';

/** Tag names and values: ASCII letters, digits, `_`, `-` and `.`, so `name=value, …` parses back. */
export const smtpTagPattern = /^[A-Za-z0-9_.-]{1,256}$/;

// Headers the connector writes itself: a config value would duplicate or contradict them.
const reservedHeaders = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
]);

// RFC 5322 field-name: printable ASCII except colon.
const headerNamePattern = /^[!-9;-~]+$/;

const optionalStringKeys = ['name', 'replyTo', 'tagHeader'] as const;

// Setup forms save an optional field left blank as "" (and an unused auth block as two blanks):
// treat those as absent so such a config validates unchanged.
function dropBlankFields(value: unknown): unknown {
  const copy = dropBlankOptionalFields(value, optionalStringKeys);
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) return copy;
  const config = copy as Record<string, unknown>;
  const auth = config.auth;
  if (auth === null) delete config.auth;
  if (typeof auth === 'object' && auth !== null && !Array.isArray(auth)) {
    const { user, pass } = auth as { user?: unknown; pass?: unknown };
    const blank = (field: unknown) =>
      field === undefined || (typeof field === 'string' && field === '');
    if (blank(user) && blank(pass)) delete config.auth;
  }
  return config;
}

const headerNameSchema = lazySchema((z) =>
  z
    .string()
    .regex(headerNamePattern, 'must be a header name: printable ASCII without spaces or ":"'),
);

const headersSchema = lazySchema((z) =>
  z
    .record(
      z.string(),
      z
        .string({ error: 'header values must be strings' })
        .refine((value) => !/[\r\n]/.test(value), 'header values must not contain line breaks'),
    )
    .superRefine((headers, ctx) => {
      for (const name of Object.keys(headers)) {
        if (!headerNamePattern.test(name)) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'must be a header name: printable ASCII without spaces or ":"',
          });
        } else if (reservedHeaders.has(name.toLowerCase())) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `${name} is written by the connector; use fromEmail, replyTo or the templates instead`,
          });
        }
      }
    }),
);

const pemSchema = lazySchema((z) =>
  z
    .string()
    .refine(
      (value) => value.includes('-----BEGIN CERTIFICATE-----'),
      'must be a PEM certificate (-----BEGIN CERTIFICATE-----…)',
    ),
);

const requiredString = (z: Zod, what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `required with auth: ${what}` : `must be a string: ${what}`,
    })
    .min(1, `required with auth: ${what}`);

const timeoutMs = (z: Zod, what: string, fallback: number) =>
  z
    .number({ error: `must be a number of milliseconds (${what}, default ${fallback})` })
    .int('must be a whole number of milliseconds')
    .min(1, 'must be a positive number of milliseconds')
    .max(600_000, 'must be at most 600000 (10 minutes)')
    .default(fallback);

/** The config object itself (before blank optional fields are dropped). */
export const smtpConfigObjectSchema = lazySchema((z) =>
  z
    .object({
      host: z
        .string({ error: 'required: the SMTP server, e.g. smtp.example.com or 127.0.0.1' })
        .trim()
        .min(1, 'required: the SMTP server, e.g. smtp.example.com or 127.0.0.1')
        .refine(
          (value) => !/[\s/:]/.test(value) || /^[0-9a-f:.]+$/i.test(value),
          'must be a host name or IP address without a scheme or port (put the port in "port")',
        ),
      port: z
        .number({ error: 'must be a port number such as 587, 465 or 25' })
        .int('must be a whole number')
        .min(1, 'must be between 1 and 65535')
        .max(65_535, 'must be between 1 and 65535')
        .optional(),
      secure: z.boolean({ error: 'must be true or false' }).default(false),
      requireTLS: z.boolean({ error: 'must be true or false' }).default(false),
      ignoreTLS: z.boolean({ error: 'must be true or false' }).default(false),
      tls: z
        .object({
          rejectUnauthorized: z.boolean({ error: 'must be true or false' }).default(true),
          ca: z.union([pemSchema, z.array(pemSchema).min(1)]).optional(),
          servername: z.string().min(1).optional(),
          minVersion: z.enum(['TLSv1.2', 'TLSv1.3']).optional(),
        })
        .strict()
        .optional(),
      auth: z
        .object({
          user: requiredString(z, 'the SMTP user name'),
          pass: secret(requiredString(z, 'the SMTP password (or the provider’s SMTP API key)')),
        })
        .strict()
        .optional(),
      fromEmail: mailboxField('"Acme <noreply@acme.com>" or noreply@acme.com'),
      replyTo: replyToField().optional(),
      name: z
        .string()
        .regex(
          /^[A-Za-z0-9.-]{1,253}$|^\[[0-9a-fA-F:.]+\]$/,
          'must be a host name (or an [IP] literal) to introduce this client with in EHLO',
        )
        .optional(),
      headers: headersSchema.optional(),
      tags: tagsField({
        pattern: smtpTagPattern,
        rule: 'ASCII letters, digits, "_", "-" and "." (1 to 256 characters)',
      }).optional(),
      tagHeader: z.union([headerNameSchema, z.literal(false)]).default(defaultTagHeader),
      pool: z
        .object({
          maxConnections: z
            .number()
            .int()
            .min(1, 'must be at least 1')
            .max(100, 'must be at most 100')
            .default(defaultMaxConnections),
          maxMessages: z
            .number()
            .int()
            .min(1, 'must be at least 1')
            .max(100_000, 'must be at most 100000')
            .default(defaultMaxMessages),
          rateLimit: z
            .number()
            .int()
            .min(1, 'must be at least 1 message per second (leave it out for no limit)')
            .optional(),
        })
        .strict()
        .prefault({}),
      connectionTimeoutMs: timeoutMs(
        z,
        'time to open the TCP connection',
        defaultConnectionTimeoutMs,
      ),
      greetingTimeoutMs: timeoutMs(
        z,
        "time to the server's 220 greeting",
        defaultGreetingTimeoutMs,
      ),
      socketTimeoutMs: timeoutMs(
        z,
        'time the server may stay silent on a reply',
        defaultSocketTimeoutMs,
      ),
      maxAttempts: maxAttemptsField(defaultMaxAttempts),
      templates: templatesSchema,
    })
    .superRefine((config, ctx) => {
      if (config.secure && config.ignoreTLS) {
        ctx.addIssue({
          code: 'custom',
          path: ['ignoreTLS'],
          message: 'cannot be combined with secure (implicit TLS); set one of them',
        });
      }
      if (config.requireTLS && config.ignoreTLS) {
        ctx.addIssue({
          code: 'custom',
          path: ['requireTLS'],
          message: 'contradicts ignoreTLS: requireTLS insists on STARTTLS, ignoreTLS never uses it',
        });
      }
      if (config.tagHeader !== false && config.headers) {
        const tagHeader = config.tagHeader.toLowerCase();
        if (Object.keys(config.headers).some((name) => name.toLowerCase() === tagHeader)) {
          ctx.addIssue({
            code: 'custom',
            path: ['headers', config.tagHeader],
            message: `${config.tagHeader} carries the tags (tagHeader); put tags in "tags" instead`,
          });
        }
      }
    }),
);

/**
 * The SMTP connector's config. `port` defaults to 465 with `secure` (implicit TLS) and to 587
 * otherwise (STARTTLS when the server offers it; `requireTLS` makes it mandatory).
 */
export const smtpConfigSchema = lazySchema((z) =>
  z.preprocess(dropBlankFields, smtpConfigObjectSchema),
);

/** A validated config, defaults applied. */
export type SmtpConfig = z.output<typeof smtpConfigObjectSchema>;

/** What a caller may pass as config. */
export type SmtpConfigInput = z.input<typeof smtpConfigObjectSchema>;

/** The port a config connects to. */
export function portOf(config: Pick<SmtpConfig, 'port' | 'secure'>): number {
  return config.port ?? (config.secure ? 465 : 587);
}
