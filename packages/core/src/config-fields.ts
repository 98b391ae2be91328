import { parseMailbox } from './mailbox.js';
import { zod } from './zod-runtime.js';

// Building blocks of provider config schemas: the fields every provider has, with the same
// rules and messages everywhere.

/** The tag the pipeline puts on every send; a config may not define it. */
export const usageTypeTagName = 'usage_type';

/**
 * Setup forms (Logto's among them) save an optional field left blank as `""`: returns a copy of
 * the config without those of `keys` that are blank strings, so such a config validates
 * unchanged. Use it in `z.preprocess(...)` before the object schema.
 */
export function dropBlankOptionalFields(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const key of keys) {
    const field = copy[key];
    if (typeof field === 'string' && field.trim() === '') delete copy[key];
  }
  return copy;
}

const mailboxIssue = (error: unknown) =>
  error instanceof Error ? error.message : 'not a valid mailbox';

/**
 * A required mailbox (`Acme <noreply@acme.com>` or `noreply@acme.com`), kept as written.
 * `example` goes into the messages: `required, e.g. <example>`.
 */
export function mailboxField(example: string) {
  const z = zod();
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `required, e.g. ${example}`
          : `must be a string such as ${example}`,
    })
    .superRefine((value, ctx) => {
      if (value.trim() === '') {
        ctx.addIssue({ code: 'custom', message: `required, e.g. ${example}` });
        return;
      }
      try {
        parseMailbox(value, { label: 'mailbox' });
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: mailboxIssue(error) });
      }
    });
}

/** Reply-To: one mailbox or a list of up to 50, always a list once parsed. */
export function replyToField() {
  const z = zod();
  return z
    .union([z.string(), z.array(z.string())], {
      error: 'must be an address or a list of addresses, e.g. ["Support <help@example.com>"]',
    })
    .transform((value) => (typeof value === 'string' ? [value] : value))
    .superRefine((addresses, ctx) => {
      if (addresses.length > 50) {
        ctx.addIssue({
          code: 'custom',
          message: `lists ${addresses.length} addresses; at most 50 are allowed, remove some`,
        });
        return;
      }
      addresses.forEach((address, index) => {
        try {
          parseMailbox(address, { label: 'mailbox' });
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: [index], message: mailboxIssue(error) });
        }
      });
    });
}

export interface TagsFieldOptions {
  /** What names and values must match, e.g. `/^[A-Za-z0-9_-]{1,256}$/`. */
  pattern: RegExp;
  /** The pattern in words, e.g. `ASCII letters, digits, "_" and "-" (1 to 256 characters)`. */
  rule: string;
}

/**
 * Tags added to every email (`{ name: value }`), names and values checked against the
 * provider's `pattern`; `usage_type` is refused, as the pipeline sets it.
 */
export function tagsField({ pattern, rule }: TagsFieldOptions) {
  const z = zod();
  return z
    .record(z.string(), z.string().regex(pattern, `tag values may use only ${rule}`))
    .superRefine((tags, ctx) => {
      for (const name of Object.keys(tags)) {
        if (!pattern.test(name)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `tag names may use only ${rule}` });
        }
      }
      if (Object.hasOwn(tags, usageTypeTagName)) {
        ctx.addIssue({
          code: 'custom',
          path: [usageTypeTagName],
          message: `the "${usageTypeTagName}" tag is set by the connector on every send; choose another name`,
        });
      }
    });
}

/** Provider calls per send, retries included: a whole number from 1 (no retries) to 10. */
export function maxAttemptsField(defaultAttempts: number) {
  return zod()
    .number()
    .int()
    .min(1, 'must be at least 1 (1 disables retries)')
    .max(10, 'must be at most 10')
    .default(defaultAttempts);
}
