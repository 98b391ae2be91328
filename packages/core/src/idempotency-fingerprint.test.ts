import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createDigest } from './idempotency-fingerprint.js';

const numRuns = process.env.CI ? 2000 : 200;

describe('canonicalJson', () => {
  it('ignores key order at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' }, z: undefined })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('keeps values apart that render alike but differ', () => {
    const forms = [{ v: 1 }, { v: '1' }, { v: 1n }, { v: true }, { v: 'true' }, { v: null }];
    expect(new Set(forms.map(canonicalJson)).size).toBe(forms.length);
  });

  it('survives a cycle', () => {
    const value: Record<string, unknown> = { a: 1 };
    value.self = value;
    expect(canonicalJson(value)).toBe('{"a":1,"self":"[circular]"}');
  });

  it('is a function of the value alone, whatever order it was built in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
      }),
      { numRuns },
    );
  });
});

describe('createDigest', () => {
  it('gives a hex SHA-256 without a secret and a different HMAC with one', () => {
    const plain = createDigest();
    expect(plain('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const keyed = createDigest('s3cret')('abc');
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(plain('abc'));
    expect(createDigest('s3cret')('abc')).toBe(keyed);
    expect(createDigest('other')('abc')).not.toBe(keyed);
  });
});
