import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './request-target.js';

/** What the server used to do for every request: the engine's routes were matched on this. */
function viaUrl(target: string) {
  const url = new URL(target, 'http://localhost');
  return { path: url.pathname, query: url.search.slice(1) };
}

describe('parseRequestTarget', () => {
  it.each([
    '/v2/email/outbound-emails',
    '/v2/email/identities/user%40example.com',
    '/v2/email/identities/example.com',
    '/v2/email/templates?PageSize=5&NextToken=0',
    '/v2/email/templates?',
    '/v2/email/templates?a=b?c/d',
    '/prefix/v2/email/account',
    '/',
    '/_mock/outbox/abc.eml',
    // Targets the URL parser rewrites: they must come out as it rewrites them.
    '/v2/email/../email/account',
    '/v2/email/./account',
    '/v2/email/%2e%2E/account',
    '/v2/email/.well-known',
    '//evil.test/v2/email/account',
    '/v2/email/a b',
    "/v2/email/templates?name='x'",
    '/v2/email/templates?q="x"',
    '/v2\\email\\account',
    '/v2/email/ünïcode',
    '/v2/email/account#fragment',
    'http://other.test:4566/v2/email/account?x=1',
  ])('reads %s as the URL parser does', (target) => {
    expect(parseRequestTarget(target)).toEqual(viaUrl(target));
  });

  it('throws on a target no URL can be made of', () => {
    expect(() => parseRequestTarget('http://[bad')).toThrow();
  });
});
