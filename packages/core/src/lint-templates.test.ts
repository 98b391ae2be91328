import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../test/fixtures.js';
import { lintTemplates } from './lint-templates.js';

describe('lintTemplates', () => {
  it('finds nothing wrong with a good set', () => {
    expect(
      lintTemplates([
        ...requiredTemplates,
        {
          usageType: 'OrganizationInvitation',
          subject: 'Join {{organization.name}}',
          content: '<a href="{{ link }}">Join</a>',
        },
      ]),
    ).toEqual([]);
  });

  it('warns about a verification template without {{code}}, with its locale', () => {
    const warnings = lintTemplates([
      ...requiredTemplates,
      { usageType: 'MfaVerification', locale: 'de', subject: 'Code', content: '<p>Hallo</p>' },
    ]);
    expect(warnings).toEqual([
      { usageType: 'MfaVerification', locale: 'de', message: expect.stringContaining('{{code}}') },
    ]);
  });

  it('accepts {{code}} in the subject only', () => {
    expect(
      lintTemplates([{ usageType: 'SignIn', subject: 'Code {{code}}', content: '<p>Hi</p>' }]),
    ).toEqual([]);
  });

  it('warns about an invitation without {{link}}', () => {
    const warnings = lintTemplates([
      { usageType: 'OrganizationInvitation', subject: 'Join', content: '<p>Welcome</p>' },
    ]);
    expect(warnings).toEqual([
      { usageType: 'OrganizationInvitation', message: expect.stringContaining('{{link}}') },
    ]);
  });

  it('warns about placeholders that will not render and line breaks in subjects', () => {
    const messages = lintTemplates([
      { usageType: 'Generic', subject: 'A\nB {{code}}', content: '<p>{{#each x}}</p>' },
    ]).map((w) => w.message);
    expect(messages).toHaveLength(2);
    expect(messages.join(' ')).toContain('not a variable path');
    expect(messages.join(' ')).toContain('line break');
  });
});
