import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.js';

describe('matchRoute', () => {
  it('maps SES v2 restJson1 routes to operations with decoded path parameters', () => {
    expect(matchRoute('POST', '/v2/email/outbound-emails')).toEqual({
      operation: 'SendEmail',
      params: {},
    });
    expect(matchRoute('GET', '/v2/email/identities/user%40example.com')).toEqual({
      operation: 'GetEmailIdentity',
      params: { EmailIdentity: 'user@example.com' },
    });
    expect(matchRoute('POST', '/v2/email/templates/My%20T/render')?.params).toEqual({
      TemplateName: 'My T',
    });
    expect(matchRoute('PUT', '/v2/email/account/sending')?.operation).toBe(
      'PutAccountSendingAttributes',
    );
  });

  it('matches behind a base path and refuses wrong methods and unknown paths', () => {
    expect(matchRoute('GET', '/proxy/ses/v2/email/account')?.operation).toBe('GetAccount');
    expect(matchRoute('DELETE', '/v2/email/account')).toBeUndefined();
    expect(matchRoute('GET', '/v2/email/unknown')).toBeUndefined();
    expect(matchRoute('GET', '/v1/email/account')).toBeUndefined();
    expect(matchRoute('GET', '/v2/email/identities/%E0%A4%A')).toBeUndefined();
  });
});
