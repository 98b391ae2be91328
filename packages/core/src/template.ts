import { z } from 'zod';
import { localeTagSchema } from './locale-tag.js';
import { requiredUsageTypes, usageTypeSchema } from './usage-types.js';

export const templateContentTypes = ['text/html', 'text/plain'] as const;
export type TemplateContentType = (typeof templateContentTypes)[number];

export const templateSchema = z.object({
  usageType: usageTypeSchema,
  subject: z.string().min(1, 'subject must not be empty'),
  content: z.string().min(1, 'content must not be empty'),
  locale: localeTagSchema().optional(),
  contentType: z.enum(templateContentTypes).optional(),
});

export type Template = z.infer<typeof templateSchema>;

export const templatesSchema = z.array(templateSchema).superRefine((templates, ctx) => {
  const missing = requiredUsageTypes.filter((type) => !templates.some((t) => t.usageType === type));
  if (missing.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `templates must cover the required usage types; missing: ${missing.join(', ')}`,
    });
  }
  const seen = new Map<string, number>();
  templates.forEach((t, index) => {
    const key = `${t.usageType}|${(t.locale ?? '').toLowerCase()}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [index],
      message: `duplicate template for usageType ${t.usageType}${t.locale ? ` and locale ${t.locale}` : ' with no locale'} (also at index ${first})`,
    });
  });
});
