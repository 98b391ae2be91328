import type { z } from 'zod';
import { htmlNestingDepth } from './html-nesting-depth.js';
import {
  maxHtmlNestingDepth,
  maxSubjectLength,
  maxTemplateContentLength,
  maxTemplates,
} from './input-limits.js';
import { lazySchema } from './lazy-schema.js';
import { localeTagSchema } from './locale-tag.js';
import { requiredUsageTypes, usageTypeSchema } from './usage-types.js';

export const templateContentTypes = ['text/html', 'text/plain'] as const;
export type TemplateContentType = (typeof templateContentTypes)[number];

export const templateSchema = lazySchema((z) =>
  z
    .object({
      usageType: usageTypeSchema,
      subject: z
        .string()
        .min(1, 'subject must not be empty')
        .max(maxSubjectLength, `subject must be at most ${maxSubjectLength} characters`),
      content: z
        .string()
        .min(1, 'content must not be empty')
        .max(
          maxTemplateContentLength,
          `content must be at most ${maxTemplateContentLength} characters`,
        ),
      locale: localeTagSchema().optional(),
      contentType: z.enum(templateContentTypes).optional(),
    })
    .superRefine((template, ctx) => {
      if (template.contentType === 'text/plain') return;
      // Measured without recursion; the text part's converter recurses per level (see input-limits).
      const depth = htmlNestingDepth(template.content, maxHtmlNestingDepth);
      if (depth > maxHtmlNestingDepth) {
        ctx.addIssue({
          code: 'custom',
          path: ['content'],
          message: `content nests HTML elements more than ${maxHtmlNestingDepth} deep; flatten the layout (are closing tags missing?)`,
        });
      }
    }),
);

export type Template = z.infer<typeof templateSchema>;

export const templatesSchema = lazySchema((z) =>
  z
    .array(templateSchema)
    .max(maxTemplates, `templates must list at most ${maxTemplates} templates`)
    .superRefine((templates, ctx) => {
      const missing = requiredUsageTypes.filter(
        (type) => !templates.some((t) => t.usageType === type),
      );
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
          message: `duplicate template for usageType ${t.usageType}${t.locale ? ` and locale ${t.locale.slice(0, 40)}` : ' with no locale'} (also at index ${first})`,
        });
      });
    }),
);
