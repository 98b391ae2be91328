import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../types.js';
import { encodeWords, toEml } from './to-eml.js';

const base: OutboxMessage = {
  messageId: '0000018f00000000-11111111-2222-4333-8444-555555555555-000000',
  requestId: 'r',
  timestamp: '2024-05-01T12:00:00.000Z',
  region: 'us-east-1',
  operation: 'SendEmail',
  contentKind: 'Simple',
  from: 'Zoë Müller <zoe@acme.test>',
  fromAddress: 'zoe@acme.test',
  to: ['"Doe, Jane" <jane@example.com>', 'bob@example.com'],
  cc: ['cc@example.com'],
  bcc: ['hidden@example.com'],
  replyTo: ['help@acme.test'],
  subject:
    'Ihr Code ✓ — a long subject that has to be split into several encoded words to stay legal',
  html: '<p>Grüße</p>',
  text: 'Grüße',
  headers: [{ name: 'X-Ref', value: 'r-1' }],
  tags: {},
  attachments: [],
};

describe('toEml', () => {
  it('renders an RFC 5322 message a MIME parser reads back field for field, Bcc left out', async () => {
    const eml = toEml(base);
    expect(eml).toMatch(/^From: =\?UTF-8\?B\?/);
    expect(eml).toContain(
      'Message-ID: <0000018f00000000-11111111-2222-4333-8444-555555555555-000000@email.amazonses.com>',
    );
    expect(eml).toContain('Date: Wed, 01 May 2024 12:00:00 +0000');
    expect(eml).not.toContain('hidden@example.com');
    expect(eml.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.from).toEqual({ name: 'Zoë Müller', address: 'zoe@acme.test' });
    expect(parsed.to).toEqual([
      { name: 'Doe, Jane', address: 'jane@example.com' },
      { name: '', address: 'bob@example.com' },
    ]);
    expect(parsed.cc?.[0]?.address).toBe('cc@example.com');
    expect(parsed.replyTo?.[0]?.address).toBe('help@acme.test');
    expect(parsed.subject).toBe(base.subject);
    expect(parsed.html).toBe('<p>Grüße</p>');
    expect(parsed.text).toBe('Grüße');
    expect(parsed.headers.find((h) => h.key === 'x-ref')?.value).toBe('r-1');
    expect(parsed.headers.find((h) => h.key === 'content-type')?.value).toMatch(
      /^multipart\/alternative/,
    );
  });

  it('wraps attachments in multipart/mixed', async () => {
    const eml = toEml({
      ...base,
      attachments: [
        {
          filename: 'a.txt',
          contentType: 'text/plain',
          size: 2,
          content: Buffer.from('hi').toString('base64'),
        },
      ],
    });
    const parsed = await PostalMime.parse(eml, { attachmentEncoding: 'utf8' });
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType, a.content])).toEqual([
      ['a.txt', 'text/plain', 'hi'],
    ]);
    expect(parsed.text).toBe('Grüße');
  });

  it('gives Raw sends back exactly as sent', () => {
    expect(toEml({ ...base, contentKind: 'Raw', raw: 'From: a@b.test\r\n\r\nx' })).toBe(
      'From: a@b.test\r\n\r\nx',
    );
  });

  it('strips CR/LF from header values so a stored header cannot inject another', () => {
    const eml = toEml({
      ...base,
      subject: 'a\r\nBcc: evil@x.test',
      headers: [{ name: 'X-A', value: 'b\nX-B: c' }],
    });
    expect(eml).not.toMatch(/^Bcc:/m);
    expect(eml).not.toMatch(/^X-B:/m);
  });

  it('keeps plain ASCII as it is and splits encoded words at 75 characters', () => {
    expect(encodeWords('Hello')).toBe('Hello');
    for (const word of encodeWords('✓'.repeat(40)).split('\r\n '))
      expect(word.length).toBeLessThanOrEqual(75);
  });
});
