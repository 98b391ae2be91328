import type { OutgoingEmail } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { formatTags, newMessageId, parseTags, toMailOptions } from './mail-options.js';

const email: OutgoingEmail = {
  from: { name: 'Acme, Inc.', address: 'noreply@acme.com' },
  to: [{ name: 'Ada', address: 'ada@xn--bcher-kva.example' }],
  replyTo: [{ address: 'help@acme.com' }],
  subject: 'Your code',
  html: '<p>123456</p>',
  text: '123456',
  headers: { 'X-Campaign': 'signup' },
  tags: { app: 'web', usage_type: 'SignIn' },
  usageType: 'SignIn',
};

describe('toMailOptions', () => {
  it('maps the rendered email to a nodemailer message, tags in the tag header', () => {
    const mail = toMailOptions(email, { tagHeader: 'X-Tags', messageId: '<id-1@acme.com>' });
    expect(mail).toEqual({
      from: { name: 'Acme, Inc.', address: 'noreply@acme.com' },
      to: [{ name: 'Ada', address: 'ada@xn--bcher-kva.example' }],
      replyTo: [{ name: '', address: 'help@acme.com' }],
      subject: 'Your code',
      text: '123456',
      html: '<p>123456</p>',
      headers: { 'X-Campaign': 'signup', 'X-Tags': 'app=web, usage_type=SignIn' },
      messageId: '<id-1@acme.com>',
      envelope: { from: 'noreply@acme.com', to: ['ada@xn--bcher-kva.example'] },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it('sends no tag header with tagHeader: false, no HTML part and no Reply-To when absent', () => {
    const { html: _html, ...textOnly } = email;
    const mail = toMailOptions(
      { ...textOnly, replyTo: [] },
      { tagHeader: false, messageId: '<id-2@acme.com>' },
    );
    expect(mail.headers).toEqual({ 'X-Campaign': 'signup' });
    expect(mail).not.toHaveProperty('html');
    expect(mail).not.toHaveProperty('replyTo');
  });

  it('uses the header name the provider reads, e.g. Amazon SES', () => {
    const mail = toMailOptions(email, { tagHeader: 'X-SES-MESSAGE-TAGS', messageId: '<x@y.z>' });
    expect(mail.headers).toMatchObject({ 'X-SES-MESSAGE-TAGS': 'app=web, usage_type=SignIn' });
  });
});

describe('tags and message ids', () => {
  it('formats and parses the tag header', () => {
    expect(parseTags(formatTags({ a: '1', usage_type: 'BindMfa' }))).toEqual({
      a: '1',
      usage_type: 'BindMfa',
    });
    expect(parseTags(undefined)).toEqual({});
    expect(parseTags('broken, =x, ok=1')).toEqual({ ok: '1' });
  });

  it('makes a fresh Message-ID under the sender domain', () => {
    const first = newMessageId({ address: 'noreply@acme.com' });
    expect(first).toMatch(/^<[0-9a-f-]{36}@acme\.com>$/);
    expect(newMessageId({ address: 'noreply@acme.com' })).not.toBe(first);
  });
});
