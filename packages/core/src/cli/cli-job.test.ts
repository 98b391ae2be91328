import { describe, expect, it } from 'vitest';
import { toCliJob } from './cli-job.js';

describe('toCliJob', () => {
  it('needs nothing for check', () => {
    expect(toCliJob('check', {})).toEqual({ command: 'check' });
  });

  it('needs a valid recipient for test and send', () => {
    expect(toCliJob('test', { to: 'Ada <ada@example.com>' })).toEqual({
      command: 'test',
      to: 'Ada <ada@example.com>',
    });
    expect(() => toCliJob('test', { to: ' ' })).toThrow('--to is required.');
    expect(() => toCliJob('send', { to: 'ada@' })).toThrow(/--to/);
  });

  it('merges --code and --locale over --payload', () => {
    expect(
      toCliJob('send', {
        to: 'ada@example.com',
        type: 'SignIn',
        code: '123456',
        locale: 'de',
        payload: '{"code":"000000","user":{"name":"Ada"}}',
      }),
    ).toEqual({
      command: 'send',
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '123456', locale: 'de', user: { name: 'Ada' } },
    });
  });

  it.each([
    [{}, /--type is required/],
    [{ type: 'Login' }, /--type Login is not a usage type/],
    [{ type: 'SignIn', payload: '{oops' }, /--payload is not valid JSON/],
    [{ type: 'SignIn', payload: '["a"]' }, /--payload must be a JSON object/],
  ])('refuses send with %j', (options, message) => {
    expect(() => toCliJob('send', { to: 'ada@example.com', ...options })).toThrow(message);
  });
});
