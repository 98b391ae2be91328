import { parseMailbox, secret, templatesSchema } from '@org/connector-core';
import { z } from 'zod';

const mailbox = z.string().superRefine((value, ctx) => {
  try {
    parseMailbox(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/**
 * The __TITLE__ connector's config, validated when a connector is created.
 *
 * TODO: replace `apiKey` with the provider's real credentials and add its settings. Wrap
 * every secret in `secret()`: it is then redacted from inspect output, JSON and errors, and its
 * form item is flagged. Keep `templates`: every connector config carries its template set.
 */
export const __CAMEL__ConfigSchema = z.object({
  apiKey: secret(z.string().min(1, 'required: your __TITLE__ API key')),
  emailAddress: mailbox,
  endpoint: z.url().optional(),
  requestTimeoutMs: z.number().int().positive().default(10_000),
  templates: templatesSchema,
});

export type __PASCAL__Config = z.output<typeof __CAMEL__ConfigSchema>;
