import {
  dropBlankOptionalFields,
  lazySchema,
  mailboxField,
  maxAttemptsField,
  replyToField,
  secret,
  tagsField,
  templatesSchema,
} from '@org/connector-core';
import type { z } from 'zod';

export const defaultResendBaseUrl = 'https://api.resend.com';

/** Resend's rule for tag names and values. */
export const resendTagPattern = /^[A-Za-z0-9_-]{1,256}$/;

const optionalKeys = ['replyTo', 'baseUrl'] as const;

/** The Resend connector's config, validated when a connector is created (built on first use). */
export const resendConfigSchema = lazySchema((z) =>
  z.preprocess(
    (value) => dropBlankOptionalFields(value, optionalKeys),
    z.object({
      apiKey: secret(
        z
          .string({ error: 'required: a Resend API key (re_…), from resend.com/api-keys' })
          .regex(
            /^re_[A-Za-z0-9_]{4,}$/,
            'must be a Resend API key: re_ followed by letters, digits and _',
          ),
      ),
      emailAddress: mailboxField('"Acme <noreply@acme.com>"'),
      replyTo: replyToField().optional(),
      tags: tagsField({
        pattern: resendTagPattern,
        rule: 'ASCII letters, digits, "_" and "-" (1 to 256 characters)',
      }).optional(),
      headers: z.record(z.string(), z.string()).optional(),
      baseUrl: z.url({ protocol: /^https?$/ }).default(defaultResendBaseUrl),
      requestTimeoutMs: z.number().int().positive().max(120_000).default(10_000),
      maxAttempts: maxAttemptsField(3),
      templates: templatesSchema,
    }),
  ),
);

export type ResendConfig = z.output<typeof resendConfigSchema>;
