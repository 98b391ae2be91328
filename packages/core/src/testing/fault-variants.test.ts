import { describe, expect, it } from 'vitest';
import { type FaultVariants, faultVariantNames, pickFaultVariant } from './fault-variants.js';

const variants: FaultVariants<string> = {
  throttle: { 'http-429': 'slow down', Throttling: 'throttled' },
  quota_exhausted: { daily: 'quota' },
  rejected_identity: { unverified: 'unverified' },
  auth_failure: { token: 'bad token' },
  unavailable: { 'http-503': 'down' },
  network_error: { reset: 'reset' },
};
const invalid = (message: string) => new RangeError(`mock-x: ${message}`);

describe('pickFaultVariant', () => {
  it('gives the first form by default and the named one when asked', () => {
    expect(pickFaultVariant(variants, 'throttle', undefined, invalid)).toBe('slow down');
    expect(pickFaultVariant(variants, 'throttle', 'Throttling', invalid)).toBe('throttled');
  });

  it("names the choices of an unknown kind or variant, with the mock's own error", () => {
    expect(() => pickFaultVariant(variants, 'nope', undefined, invalid)).toThrow(
      new RangeError(
        'mock-x: unknown provider fault "nope"; expected one of throttle, quota_exhausted, rejected_identity, auth_failure, unavailable, network_error, latency.',
      ),
    );
    expect(() => pickFaultVariant(variants, 'throttle', 'x', invalid)).toThrow(
      'mock-x: unknown throttle variant "x"; expected one of http-429, Throttling.',
    );
  });

  it('does not read inherited properties as kinds or variants', () => {
    expect(() => pickFaultVariant(variants, 'toString', undefined, invalid)).toThrow(RangeError);
    expect(() => pickFaultVariant(variants, 'throttle', 'constructor', invalid)).toThrow(
      RangeError,
    );
  });
});

describe('faultVariantNames', () => {
  it('lists the forms of a kind, none for an unknown one', () => {
    expect(faultVariantNames(variants, 'throttle')).toEqual(['http-429', 'Throttling']);
    expect(faultVariantNames(variants, 'latency')).toEqual([]);
  });
});
