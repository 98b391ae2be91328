import { describe, expect, it } from 'vitest';
import { createMockSes } from '../create-mock-ses.js';

const url = 'https://email.us-east-1.amazonaws.com/v2/email/outbound-emails';
const bulkUrl = 'https://email.us-east-1.amazonaws.com/v2/email/outbound-bulk-emails';

const simple = (extra: Record<string, unknown>) => ({
  FromEmailAddress: 'noreply@acme.test',
  Destination: { ToAddresses: ['ada@example.com'] },
  Content: {
    Simple: {
      Subject: { Data: 'Hi' },
      Body: { Text: { Data: 'Hello' } },
      ...extra,
    },
  },
});

const attachment = (extra: Record<string, unknown>) => ({
  Attachments: [{ FileName: 'a.txt', RawContent: Buffer.from('x').toString('base64'), ...extra }],
});

async function post(body: unknown, target = url) {
  const mock = createMockSes();
  const response = await mock.handle(
    new Request(target, { method: 'POST', body: JSON.stringify(body) }),
  );
  return { mock, response, json: (await response.json()) as { __type?: string; message: string } };
}

describe('header fields are checked as SES checks them (no MIME injection)', () => {
  it.each([
    [
      'a header name with CR/LF',
      { Headers: [{ Name: 'X-A\r\nBcc', Value: 'x@y.z' }] },
      "Value 'X-A\r\nBcc' at 'content.simple.headers.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[!-9;-@A-~]+$",
    ],
    [
      'a header name with a colon',
      { Headers: [{ Name: 'X-A:', Value: 'v' }] },
      'content.simple.headers.1.member.name',
    ],
    [
      'a header value with CR/LF',
      { Headers: [{ Name: 'X-Ok', Value: 'v\r\nBcc: victim@example.com' }] },
      "at 'content.simple.headers.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [ -~]*",
    ],
    [
      'a header value of 871 characters',
      { Headers: [{ Name: 'X-Ok', Value: 'v'.repeat(871) }] },
      'Member must have length less than or equal to 870',
    ],
    [
      'an empty header value',
      { Headers: [{ Name: 'X-Ok', Value: '' }] },
      'Member must have length greater than or equal to 1',
    ],
    [
      '16 headers',
      { Headers: Array.from({ length: 16 }, (_, i) => ({ Name: `X-${i}`, Value: 'v' })) },
      "Value at 'content.simple.headers' failed to satisfy constraint: Member must have length less than or equal to 15",
    ],
    [
      'an attachment ContentType with CR/LF',
      attachment({ ContentType: 'text/plain\r\nBcc: victim@example.com' }),
      "at 'content.simple.attachments.1.member.contentType' failed to satisfy constraint",
    ],
    [
      'an attachment ContentId with CR/LF',
      attachment({ ContentId: '<a>\r\nX-Evil: 1' }),
      "at 'content.simple.attachments.1.member.contentId'",
    ],
    [
      'an attachment ContentDisposition outside its enum',
      attachment({ ContentDisposition: 'attachment\r\nX-Evil: 1' }),
      'Member must satisfy enum value set: [ATTACHMENT, INLINE]',
    ],
    [
      'an attachment ContentTransferEncoding outside its enum',
      attachment({ ContentTransferEncoding: 'gzip' }),
      'Member must satisfy enum value set: [BASE64, QUOTED_PRINTABLE, SEVEN_BIT]',
    ],
  ])('refuses %s with BadRequestException', async (_, extra, message) => {
    const { mock, response, json } = await post(simple(extra));
    expect(response.status).toBe(400);
    expect(json.__type).toBe('BadRequestException');
    expect(json.message).toContain(message);
    expect(json.message).toMatch(/^1 validation error detected: /);
    expect(mock.outbox.size).toBe(0);
  });

  it('refuses CR/LF in SendBulkEmail ReplacementHeaders', async () => {
    const { mock, response, json } = await post(
      {
        FromEmailAddress: 'noreply@acme.test',
        DefaultContent: { Template: { TemplateContent: { Subject: 'Hi', Text: 'Hello' } } },
        BulkEmailEntries: [
          {
            Destination: { ToAddresses: ['ada@example.com'] },
            ReplacementHeaders: [{ Name: 'X-Ok', Value: 'a\nBcc: b@example.com' }],
          },
        ],
      },
      bulkUrl,
    );
    // SendBulkEmail reports a bad entry in its result, as SES does, and sends nothing for it.
    expect(response.status).toBe(200);
    expect(json).toEqual({
      BulkEmailEntryResults: [
        {
          Status: 'INVALID_PARAMETER',
          Error: expect.stringContaining(
            "at 'bulkEmailEntries.1.member.replacementHeaders.1.member.value' failed to satisfy constraint",
          ),
        },
      ],
    });
    expect(mock.outbox.size).toBe(0);
  });

  it('accepts the fields SES accepts and writes them as single header lines', async () => {
    const { mock, response } = await post(
      simple({
        Headers: [{ Name: 'X-Campaign', Value: 'spring "sale" 2026' }],
        ...attachment({
          ContentType: 'text/plain',
          ContentId: '<logo@acme.test>',
          ContentDisposition: 'INLINE',
          FileName: 'quote"d.txt',
        }),
      }),
    );
    expect(response.status).toBe(200);
    const message = mock.outbox.last();
    const eml = mock.outbox.toEml(message?.messageId ?? '') ?? '';
    expect(eml).toContain('X-Campaign: spring "sale" 2026\r\n');
    expect(eml).toContain('Content-ID: <logo@acme.test>\r\n');
    expect(eml).toContain('filename="quote\\"d.txt"');
  });
});
