import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  dropBlankOptionalFields,
  mailboxField,
  maxAttemptsField,
  replyToField,
  tagsField,
  usageTypeTagName,
} from './config-fields.js';

function issues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('dropBlankOptionalFields', () => {
  it('drops the listed fields that are blank strings, leaving the input unchanged', () => {
    const input = { a: '', b: '  ', c: 'x', d: '', e: 0 };
    expect(dropBlankOptionalFields(input, ['a', 'b', 'c', 'e'])).toEqual({ c: 'x', d: '', e: 0 });
    expect(input.a).toBe('');
  });

  it('passes anything but a plain object through', () => {
    expect(dropBlankOptionalFields(null, ['a'])).toBeNull();
    expect(dropBlankOptionalFields([''], ['0'])).toEqual(['']);
  });
});

describe('mailboxField', () => {
  const schema = z.object({ from: mailboxField('noreply@acme.com') });

  it('keeps a valid mailbox as written', () => {
    expect(schema.parse({ from: 'Acme <noreply@acme.com>' })).toEqual({
      from: 'Acme <noreply@acme.com>',
    });
  });

  it.each([
    [{}, 'from: required, e.g. noreply@acme.com'],
    [{ from: '  ' }, 'from: required, e.g. noreply@acme.com'],
    [{ from: 42 }, 'from: must be a string such as noreply@acme.com'],
  ])('explains %j', (value, message) => {
    expect(issues(schema, value)).toEqual([message]);
  });

  it('says what is wrong with a malformed mailbox', () => {
    expect(issues(schema, { from: 'acme.com' })[0]).toMatch(/^from: .*@/);
  });
});

describe('replyToField', () => {
  const schema = replyToField();

  it('turns one address into a list', () => {
    expect(schema.parse('help@acme.com')).toEqual(['help@acme.com']);
    expect(schema.parse(['a@acme.com', 'B <b@acme.com>'])).toEqual([
      'a@acme.com',
      'B <b@acme.com>',
    ]);
  });

  it('names the bad entry', () => {
    expect(issues(schema, ['a@acme.com', 'nope'])).toEqual([expect.stringMatching(/^1: /)]);
  });

  it('takes at most 50 addresses', () => {
    const list = (length: number) => Array.from({ length }, (_, i) => `a${i}@acme.com`);
    expect(schema.safeParse(list(50)).success).toBe(true);
    expect(issues(schema, list(51))).toEqual([
      ': lists 51 addresses; at most 50 are allowed, remove some',
    ]);
  });

  it('says what shape it wants for anything else', () => {
    expect(issues(schema, 42)).toEqual([expect.stringMatching(/must be an address or a list/)]);
  });
});

describe('tagsField', () => {
  const schema = tagsField({ pattern: /^[a-z]{1,5}$/, rule: 'a to z (1 to 5)' });

  it('accepts names and values that match the pattern', () => {
    expect(schema.parse({ app: 'web' })).toEqual({ app: 'web' });
  });

  it('names each bad tag, and refuses the tag the pipeline sets', () => {
    expect(issues(schema, { app: 'Web', 'Bad!': 'x', [usageTypeTagName]: 'x' })).toEqual([
      'app: tag values may use only a to z (1 to 5)',
      'Bad!: tag names may use only a to z (1 to 5)',
      'usage_type: tag names may use only a to z (1 to 5)',
      'usage_type: the "usage_type" tag is set by the connector on every send; choose another name',
    ]);
  });
});

describe('maxAttemptsField', () => {
  const schema = z.object({ maxAttempts: maxAttemptsField(3) });

  it('defaults, and takes 1 to 10', () => {
    expect(schema.parse({})).toEqual({ maxAttempts: 3 });
    expect(schema.parse({ maxAttempts: 10 })).toEqual({ maxAttempts: 10 });
  });

  it.each([
    [0, 'maxAttempts: must be at least 1 (1 disables retries)'],
    [11, 'maxAttempts: must be at most 10'],
  ])('refuses %j', (value, message) => {
    expect(issues(schema, { maxAttempts: value })).toEqual([message]);
  });
});
