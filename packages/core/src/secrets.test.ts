import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  isSecretSchema,
  redactConfig,
  scrubSecrets,
  secret,
  secretFieldsOf,
  secretValuesOf,
} from './secrets.js';

const schema = z.object({
  region: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: secret(z.string().min(1)),
  sessionToken: secret(z.string()).optional(),
  password: z.string().meta({ secret: true }).default('x'),
  nested: z
    .object({ apiKey: secret(z.string()).transform((s) => s.trim()), label: z.string() })
    .optional(),
});

describe('secret', () => {
  it('marks a schema secret without changing what it accepts', () => {
    const field = secret(z.string().min(3));
    expect(isSecretSchema(field)).toBe(true);
    expect(field.safeParse('ab').success).toBe(false);
    expect(field.parse('abc')).toBe('abc');
  });

  it('keeps existing metadata', () => {
    const field = secret(z.string().meta({ description: 'The key' }));
    expect(field.meta()).toMatchObject({ description: 'The key', secret: true });
  });
});

describe('secretFieldsOf', () => {
  it('finds secret fields through optional, default, pipes and nested objects', () => {
    expect(secretFieldsOf(schema)).toEqual([
      'secretAccessKey',
      'sessionToken',
      'password',
      'nested.apiKey',
    ]);
  });
});

describe('redactConfig', () => {
  it('replaces present secret values with [redacted] and copies the rest', () => {
    const config = {
      region: 'eu-west-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 's3cr3t',
      password: 'pw',
      nested: { apiKey: 'k', label: 'l' },
    };
    expect(redactConfig(config, schema)).toEqual({
      region: 'eu-west-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: '[redacted]',
      password: '[redacted]',
      nested: { apiKey: '[redacted]', label: 'l' },
    });
    expect(config.secretAccessKey).toBe('s3cr3t');
  });

  it('leaves a value that is not an object alone', () => {
    expect(redactConfig('nope', schema)).toBe('nope');
  });
});

describe('secretValuesOf and scrubSecrets', () => {
  it('removes every secret value from a text', () => {
    const values = secretValuesOf(
      { secretAccessKey: 'abc.def', sessionToken: 'abc', nested: { apiKey: 'zz' } },
      schema,
    );
    expect(values.sort()).toEqual(['abc', 'abc.def', 'zz']);
    // Secrets are tokens: `abc` glued to more letters (abcXdef) is another word, not the secret.
    expect(scrubSecrets('key abc.def, token abc; abcXdef; (zz)', values)).toBe(
      'key [redacted], token [redacted]; abcXdef; ([redacted])',
    );
  });

  it('ignores empty secrets', () => {
    expect(scrubSecrets('text', ['', ''])).toBe('text');
  });
});

describe('scrubSecrets on long and overlapping secrets', () => {
  // The former implementation, a regular expression built from the secrets: the oracle for
  // secrets short enough for it.
  const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /[\p{L}\p{N}_]/u;
  const formerScrub = (text: string, secrets: string[]) => {
    const list = [...new Set(secrets)]
      .filter((s) => s.trim() !== '')
      .sort((a, b) => b.length - a.length);
    if (list.length === 0) return text;
    const token = (s: string) =>
      `${word.test(s[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : ''}${escapeRe(s)}${word.test(s.at(-1) ?? '') ? '(?![\\p{L}\\p{N}_])' : ''}`;
    return text.replace(new RegExp(list.map(token).join('|'), 'gu'), '[redacted]');
  };

  it('scrubs a 75 KB secret instead of throwing (regression: invalid regular expression)', () => {
    const code = `${'ab-'.repeat(25_000)}cd`;
    expect(scrubSecrets(`code ${code} end`, [code])).toBe('code [redacted] end');
    const key = 'x'.repeat(1_100_000);
    expect(scrubSecrets(`a ${key}`, [key, 'a'])).toBe('[redacted] [redacted]');
  });

  it('matches the former regular expression on short secrets', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '-', 'é', '😀', '_', '.', '1');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 30 }),
        fc.array(fc.string({ unit, minLength: 1, maxLength: 4 }), { maxLength: 3 }),
        (text, secrets) => {
          expect(scrubSecrets(text, secrets)).toBe(formerScrub(text, secrets));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
