import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../test/fixtures.js';
import { templateSchema, templatesSchema } from './template.js';

describe('templateSchema', () => {
  it('accepts a full template', () => {
    expect(
      templateSchema.parse({
        usageType: 'SignIn',
        subject: 'Code',
        content: 'Code {{code}}',
        locale: 'zh-Hant-TW',
        contentType: 'text/plain',
      }).locale,
    ).toBe('zh-Hant-TW');
  });

  it.each([
    [{ usageType: 'Unknown', subject: 's', content: 'c' }, 'usageType'],
    [{ usageType: 'SignIn', subject: '', content: 'c' }, 'subject'],
    [{ usageType: 'SignIn', subject: 's', content: 'c', locale: 'not a locale' }, 'locale'],
    [
      { usageType: 'SignIn', subject: 's', content: 'c', locale: `${'ab-'.repeat(25_000)}cd` },
      'locale',
    ],
    [{ usageType: 'SignIn', subject: 's', content: 'c', locale: 'en-x' }, 'locale'],
    [
      { usageType: 'SignIn', subject: 's', content: 'c', contentType: 'text/markdown' },
      'contentType',
    ],
  ])('rejects %j at %s', (template, field) => {
    const result = templateSchema.safeParse(template);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('templatesSchema', () => {
  it('accepts a set covering the required types', () => {
    expect(templatesSchema.parse(requiredTemplates)).toHaveLength(4);
  });

  it('names the missing required types', () => {
    const result = templatesSchema.safeParse(
      requiredTemplates.filter((t) => t.usageType !== 'SignIn' && t.usageType !== 'Generic'),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('missing: SignIn, Generic');
  });

  it('rejects two templates with the same usage type and locale, ignoring case', () => {
    const result = templatesSchema.safeParse([
      ...requiredTemplates,
      { usageType: 'SignIn', locale: 'de', subject: 'a', content: 'b' },
      { usageType: 'SignIn', locale: 'DE', subject: 'a', content: 'b' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('duplicate template for usageType SignIn');
  });

  it('names, not repeats, an oversized locale that two templates share (regression: a 400 KB message)', () => {
    const locale = `${'a'.repeat(64)}@${'b.'.repeat(200_000)}com`;
    const template = { usageType: 'SignIn', locale, subject: 'a', content: 'b' };
    const result = templatesSchema.safeParse([...requiredTemplates, template, template]);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((found) => found.message);
    expect(messages.some((message) => message.startsWith('duplicate template'))).toBe(true);
    for (const message of messages) expect(message.length).toBeLessThan(300);
  });
});

describe('template size and nesting limits', () => {
  const base = { usageType: 'Generic', subject: 's', content: '<p>{{code}}</p>' } as const;
  const issue = (template: unknown) => {
    const result = templateSchema.safeParse(template);
    expect(result.success).toBe(false);
    return result.error!.issues[0]!;
  };

  it('refuses 20 000 nested divs and 3 000 nested tables (regression: stack overflow per send)', () => {
    const divs = `${'<div>'.repeat(20_000)}{{code}}${'</div>'.repeat(20_000)}`;
    const tables = `${'<table><tr><td>'.repeat(3000)}{{code}}${'</td></tr></table>'.repeat(3000)}`;
    for (const content of [divs, tables]) {
      const found = issue({ ...base, content });
      expect(found.path).toEqual(['content']);
      expect(found.message).toContain('more than 256 deep');
    }
  });

  it('accepts nesting up to the limit, and any nesting in a text/plain template', () => {
    const deep = `${'<div>'.repeat(255)}{{code}}${'</div>'.repeat(255)}`;
    expect(templateSchema.safeParse({ ...base, content: deep }).success).toBe(true);
    const plain = { ...base, contentType: 'text/plain', content: '<div>'.repeat(20_000) };
    expect(templateSchema.safeParse(plain).success).toBe(true);
  });

  it('caps the subject, the content and the number of templates', () => {
    expect(issue({ ...base, subject: 's'.repeat(999) }).message).toContain('at most 998');
    expect(issue({ ...base, content: 'c'.repeat(1_048_577) }).message).toContain('at most 1048576');
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...base, locale: `x-${i}` }));
    const result = templatesSchema.safeParse([...requiredTemplates, ...many]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('at most 1000 templates');
  });
});

describe('templatesSchema on a long list of bad templates', () => {
  it('is refused by its length first, and a config error lists at most 50 issues', async () => {
    const { formatIssues } = await import('./config-issues.js');
    const many = Array.from({ length: 100_000 }, () => ({ usageType: 'Nope' }));
    const tooMany = templatesSchema.safeParse(many);
    expect(tooMany.error?.issues).toHaveLength(1);
    const bad = templatesSchema.safeParse(
      Array.from({ length: 900 }, () => ({ usageType: 'Nope' })),
    );
    const lines = formatIssues(bad.error!);
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toMatch(/^… and \d+ more$/);
  });
});
