import {
  lintTemplates,
  requiredUsageTypes,
  selectTemplate,
  templatesSchema,
  usageTypes,
} from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { conformanceTemplates, defaultTemplateFor, expectedSubject } from './templates.js';

describe('conformanceTemplates', () => {
  it('is a valid template set that lints clean', () => {
    expect(templatesSchema.safeParse([...conformanceTemplates]).success).toBe(true);
    expect(lintTemplates(conformanceTemplates)).toEqual([]);
  });

  it('has required types, optional types with and without their own template, text and locales', () => {
    const own = new Set(conformanceTemplates.map((t) => t.usageType));
    for (const type of requiredUsageTypes) expect(own.has(type), type).toBe(true);
    const optional = usageTypes.filter(
      (type) => !(requiredUsageTypes as readonly string[]).includes(type),
    );
    expect(optional.filter((type) => own.has(type)).length).toBeGreaterThan(0);
    expect(optional.filter((type) => !own.has(type)).length).toBeGreaterThan(0);
    expect(conformanceTemplates.some((t) => t.contentType === 'text/plain')).toBe(true);
    expect(conformanceTemplates.some((t) => t.locale?.includes('-'))).toBe(true);
  });

  it('cannot be changed by a test that mutates it', () => {
    expect(Object.isFrozen(conformanceTemplates)).toBe(true);
    expect(Object.isFrozen(conformanceTemplates[0])).toBe(true);
  });

  it('expects what core selects and renders, for every usage type', () => {
    for (const type of usageTypes) {
      expect(defaultTemplateFor(type), type).toBe(selectTemplate(conformanceTemplates, type));
    }
    expect(
      expectedSubject(defaultTemplateFor('OrganizationInvitation'), {
        organization: { name: 'A & B' },
      }),
    ).toBe('Join A & B');
  });
});
