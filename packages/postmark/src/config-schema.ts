import {
  dropBlankOptionalFields,
  lazySchema,
  mailboxField,
  maxAttemptsField,
  replyToField,
  secret,
  templatesSchema,
  usageTypeTagName,
  type Zod,
} from '@org/connector-core/provider';
import type { z } from 'zod';

export const defaultPostmarkBaseUrl = 'https://api.postmarkapp.com';

const optionalKeys = ['accountToken', 'replyTo', 'tag', 'messageStream', 'baseUrl'] as const;

/** Postmark's Metadata limits: 10 fields, names up to 20 characters, values up to 80. */
function metadataField(z: Zod) {
  return z
    .record(z.string(), z.string().max(80, 'metadata values are at most 80 characters'))
    .superRefine((metadata, ctx) => {
      const names = Object.keys(metadata);
      // One field is the usage type the connector adds to every send.
      if (names.length > 9) {
        ctx.addIssue({
          code: 'custom',
          message: `has ${names.length} fields; Postmark allows 10, one of them is ${usageTypeTagName}`,
        });
      }
      for (const name of names) {
        if (name.length === 0 || name.length > 20) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'metadata names are 1 to 20 characters',
          });
        }
      }
      if (Object.hasOwn(metadata, usageTypeTagName)) {
        ctx.addIssue({
          code: 'custom',
          path: [usageTypeTagName],
          message: `the "${usageTypeTagName}" field is set by the connector on every send; choose another name`,
        });
      }
    });
}

/** The Postmark connector's config, validated when a connector is created (built on first use). */
export const postmarkConfigSchema = lazySchema((z) =>
  z.preprocess(
    (value) => dropBlankOptionalFields(value, optionalKeys),
    z.object({
      serverToken: secret(
        z
          .string({ error: 'required: the Server API token (Postmark → your server → API Tokens)' })
          .min(8, 'must be a Postmark Server API token'),
      ),
      accountToken: secret(z.string().min(8, 'must be a Postmark Account API token')).optional(),
      emailAddress: mailboxField('"Acme <noreply@acme.com>"'),
      replyTo: replyToField().optional(),
      tag: z.string().min(1).max(1000, 'Postmark tags are at most 1000 characters').optional(),
      metadata: metadataField(z).optional(),
      headers: z.record(z.string(), z.string()).optional(),
      messageStream: z
        .string()
        .regex(/^[a-z0-9-]{1,30}$/, 'must be a message stream ID such as "outbound"')
        .default('outbound'),
      trackOpens: z.boolean().optional(),
      trackLinks: z.enum(['None', 'HtmlAndText', 'HtmlOnly', 'TextOnly']).optional(),
      baseUrl: z.url({ protocol: /^https?$/ }).default(defaultPostmarkBaseUrl),
      requestTimeoutMs: z.number().int().positive().max(120_000).default(10_000),
      maxAttempts: maxAttemptsField(3),
      templates: templatesSchema,
    }),
  ),
);

export type PostmarkConfig = z.output<typeof postmarkConfigSchema>;
