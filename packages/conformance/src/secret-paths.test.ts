import { describe, expect, it } from 'vitest';
import { formItemKeyFor, locateSecrets, overrideAt } from './secret-paths.js';

describe('locateSecrets', () => {
  it('finds top-level and nested secrets, and none in arrays of templates', () => {
    const config = {
      apiKey: 'top-level-secret',
      auth: { user: 'app', pass: 'nested-secret-value' },
      templates: [{ content: 'top-level-secret' }],
    };
    expect(locateSecrets(config, ['nested-secret-value', 'top-level-secret'])).toEqual([
      { index: 1, path: ['apiKey'] },
      { index: 0, path: ['auth', 'pass'] },
    ]);
  });

  it('gives no location for a secret the config does not hold', () => {
    expect(locateSecrets({ apiKey: 'a' }, ['missing-secret'])).toEqual([]);
  });
});

describe('overrideAt', () => {
  it('replaces a nested value in a copy of its top-level object, for a shallow merge', () => {
    const config = { auth: { user: 'app', pass: 'secret-value' }, host: 'x' };
    expect(overrideAt(config, ['auth', 'pass'], ['secret-value'])).toEqual({
      auth: { user: 'app', pass: ['secret-value'] },
    });
    expect(config.auth.pass, 'the config is not modified').toBe('secret-value');
    expect(overrideAt(config, ['host'], 1)).toEqual({ host: 1 });
  });
});

describe('formItemKeyFor', () => {
  it('prefers the item of the field itself, then the nearest object holding it', () => {
    expect(formItemKeyFor(['auth', 'pass'], ['auth.pass', 'auth'])).toBe('auth.pass');
    expect(formItemKeyFor(['auth', 'pass'], ['host', 'auth'])).toBe('auth');
    expect(formItemKeyFor(['auth', 'pass'], ['host'])).toBeUndefined();
  });
});
