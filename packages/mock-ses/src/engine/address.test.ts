import { describe, expect, it } from 'vitest';
import { parseMailbox } from './address.js';

describe('parseMailbox', () => {
  it.each([
    ['user@example.com', { address: 'user@example.com' }],
    ['<user@example.com>', { address: 'user@example.com' }],
    ['Acme <noreply@acme.test>', { name: 'Acme', address: 'noreply@acme.test' }],
    ['"Acme, Inc." <noreply@acme.test>', { name: 'Acme, Inc.', address: 'noreply@acme.test' }],
    ['first.last+tag@sub.example.co.uk', { address: 'first.last+tag@sub.example.co.uk' }],
    ['user@bücher.example', { address: 'user@bücher.example' }],
  ])('accepts %s', (input, expected) => {
    expect(parseMailbox(input)).toEqual(expected);
  });

  it.each([
    '',
    'user',
    'user@',
    '@example.com',
    'user@localhost',
    'a b@example.com',
    'a@@example.com',
    'Name <>',
    'a@-x.com',
  ])('rejects %j', (input) => {
    expect(parseMailbox(input)).toBeUndefined();
  });
});
