import {
  dropBlankOptionalFields,
  mailboxField,
  maxAttemptsField,
  replyToField,
  secret,
  tagsField,
  templatesSchema,
} from '@org/connector-core/provider';
import { z } from 'zod';

/** TODO: the __TITLE__ API's real base URL (the `.example` placeholder never resolves). */
export const default__PASCAL__BaseUrl = 'https://api.__NAME__.example';

/** TODO: __TITLE__'s rule for tag names and values (`tagsField` refuses `usage_type` itself). */
export const __CAMEL__TagPattern = /^[A-Za-z0-9_-]{1,128}$/;

// A blank string in a form or an env var means "not set" for these.
const optionalKeys = ['replyTo', 'baseUrl'] as const;

/**
 * The __TITLE__ connector's config, validated when a connector is created.
 *
 * TODO: replace `apiKey` with the provider's real credentials (with a message saying where to
 * get them) and add its settings. Wrap every secret in `secret()`: it is then redacted from
 * inspect output, JSON and errors, and its form item is flagged. Keep `templates`.
 */
export const __CAMEL__ConfigSchema = z.preprocess(
  (value) => dropBlankOptionalFields(value, optionalKeys),
  z.object({
    apiKey: secret(
      z
        .string({ error: 'required: the __TITLE__ API key' })
        .min(1, 'required: the __TITLE__ API key'),
    ),
    emailAddress: mailboxField('"Acme <noreply@acme.com>"'),
    replyTo: replyToField().optional(),
    tags: tagsField({
      pattern: __CAMEL__TagPattern,
      rule: 'ASCII letters, digits, "_" and "-" (1 to 128 characters)',
    }).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }).default(default__PASCAL__BaseUrl),
    requestTimeoutMs: z.number().int().positive().max(120_000).default(10_000),
    maxAttempts: maxAttemptsField(3),
    templates: templatesSchema,
  }),
);

export type __PASCAL__Config = z.output<typeof __CAMEL__ConfigSchema>;
