import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockSes } from './create-mock-ses.js';
import type { MockSes } from './types.js';

// Wide in CI (the issue asks for 2000 runs), quick on a laptop.
const numRuns = process.env.CI ? 2000 : 200;

const sendEmailUrl = 'https://email.us-east-1.amazonaws.com/v2/email/outbound-emails';

type Body = string | Uint8Array<ArrayBuffer> | undefined;

/** Posts a body to SendEmail and checks the answer is a success or an SES-shaped 4xx. */
async function expectSesAnswer(mock: MockSes, body: Body): Promise<number> {
  const response = await mock.handle(
    new Request(sendEmailUrl, { method: 'POST', ...(body === undefined ? {} : { body }) }),
  );
  const text = await response.text();
  expect(response.headers.get('x-amzn-RequestId')).toMatch(/\S/);
  if (response.status === 200) {
    expect(JSON.parse(text)).toEqual({ MessageId: expect.stringMatching(/\S/) });
    return 200;
  }
  // Never a 500 (an engine crash the catch-all turned into InternalServiceErrorException).
  expect({ status: response.status, text }).toMatchObject({
    status: expect.toSatisfy((s: number) => s >= 400 && s < 500),
  });
  const type = response.headers.get('x-amzn-ErrorType');
  expect(type).toMatch(/^[A-Za-z]+$/);
  const parsed = JSON.parse(text) as unknown;
  expect(parsed).toEqual({ __type: type, message: expect.stringMatching(/\S/) });
  return response.status;
}

const json = fc.jsonValue({ maxDepth: 2 });

/** Mostly the expected kind, sometimes any JSON, sometimes absent. */
const field = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary },
    { weight: 1, arbitrary: json },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
  );

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', 'x', 'Hello {{name}}', '=?UTF-8?B?w6k=?='),
);

const address = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('ada@example.com', 'Acme <noreply@acme.test>', 'b@acme.test'),
  },
  fc.constantFrom(
    '',
    'not-an-address',
    'a@',
    '@b',
    'a@b',
    '<a@b.c',
    'a@b.c>',
    'a b@c.d',
    'ä@bücher.de',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(text, text).map(([local, domain]) => `${local}@${domain}`),
);

const addressList = fc.array(address, { maxLength: 4 });

const nameValue = fc.record({ Name: field(text), Value: field(text) }, { requiredKeys: [] });

const part = fc.record(
  { Data: field(text), Charset: field(fc.constantFrom('UTF-8', 'utf-8', 'ISO-8859-1', 'bogus')) },
  { requiredKeys: [] },
);

const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

const attachment = fc.record(
  {
    FileName: field(text),
    RawContent: field(fc.oneof(text.map(base64), text)),
    ContentType: field(fc.constantFrom('text/plain', 'image/png', '', 'nonsense')),
    ContentDisposition: field(fc.constantFrom('ATTACHMENT', 'INLINE', 'other')),
    ContentId: field(text),
  },
  { requiredKeys: [] },
);

const simple = fc.record(
  {
    Subject: field(part),
    Body: field(fc.record({ Text: field(part), Html: field(part) }, { requiredKeys: [] })),
    Headers: field(fc.array(nameValue, { maxLength: 3 })),
    Attachments: field(fc.array(attachment, { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

const mime = fc
  .tuple(address, address, text, text, fc.constantFrom('\r\n', '\n', ''))
  .map(
    ([from, to, subject, body, eol]) =>
      `From: ${from}${eol}To: ${to}${eol}Subject: ${subject}${eol}${eol}${body}`,
  );

const raw = fc.record(
  { Data: field(fc.oneof(mime.map(base64), text.map(base64), text)) },
  { requiredKeys: [] },
);

const template = fc.record(
  {
    TemplateName: field(text),
    TemplateArn: field(text),
    TemplateContent: field(
      fc.record(
        { Subject: field(text), Text: field(text), Html: field(text) },
        { requiredKeys: [] },
      ),
    ),
    TemplateData: field(fc.oneof(fc.json({ maxDepth: 2 }), text)),
    Headers: field(fc.array(nameValue, { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

const content = fc.oneof(
  fc.record({ Simple: field(simple) }),
  fc.record({ Raw: field(raw) }),
  fc.record({ Template: field(template) }),
  fc.record({ Simple: simple, Raw: raw, Template: template }, { requiredKeys: [] }),
);

const sendEmailMembers = [
  'FromEmailAddress',
  'FromEmailAddressIdentityArn',
  'Destination',
  'ReplyToAddresses',
  'FeedbackForwardingEmailAddress',
  'Content',
  'EmailTags',
  'ConfigurationSetName',
  'ListManagementOptions',
  'EndpointId',
] as const;

/** SendEmail requests near the valid shape: every member present, absent, mistyped or odd. */
const sendEmailBody: fc.Arbitrary<Partial<Record<(typeof sendEmailMembers)[number], unknown>>> =
  fc.record(
    {
      FromEmailAddress: field(address),
      FromEmailAddressIdentityArn: field(text),
      Destination: field(
        fc.record(
          {
            ToAddresses: field(addressList),
            CcAddresses: field(addressList),
            BccAddresses: field(addressList),
          },
          { requiredKeys: [] },
        ),
      ),
      ReplyToAddresses: field(addressList),
      FeedbackForwardingEmailAddress: field(address),
      Content: field(content),
      EmailTags: field(fc.array(nameValue, { maxLength: 3 })),
      ConfigurationSetName: field(text),
      ListManagementOptions: field(
        fc.record({ ContactListName: field(text), TopicName: field(text) }, { requiredKeys: [] }),
      ),
      EndpointId: field(text),
    },
    { requiredKeys: [] },
  );

const validAddress = fc.constantFrom('ada@example.com', 'Acme <noreply@acme.test>', 'b@acme.test');

/** A SendEmail request SES would accept, in each content kind. */
const validBody = fc.record({
  FromEmailAddress: fc.constantFrom('noreply@acme.test', 'Acme <noreply@acme.test>'),
  Destination: fc.record({ ToAddresses: fc.array(validAddress, { minLength: 1, maxLength: 3 }) }),
  Content: fc.oneof(
    fc.record({
      Simple: fc.record({
        Subject: fc.record({ Data: text, Charset: fc.constant('UTF-8') }),
        Body: fc.record({ Text: fc.record({ Data: text }) }),
      }),
    }),
    fc.record({
      Template: fc.record({
        TemplateContent: fc.record({ Subject: text, Text: text }),
        TemplateData: fc.constant('{"name":"Ada"}'),
      }),
    }),
  ),
});

/** A valid request with one to three members swapped for wild ones. */
const nearValidBody = fc
  .tuple(
    validBody,
    sendEmailBody,
    fc.subarray([...sendEmailMembers], { minLength: 1, maxLength: 3 }),
  )
  .map(([valid, wild, swapped]) => {
    const body: Record<string, unknown> = { ...valid };
    for (const key of swapped) {
      if (key in wild) body[key] = wild[key];
      else delete body[key];
    }
    return body;
  });

/** Any JSON-ish value at the top level, as text; values JSON cannot hold become their String(). */
const anyBody: fc.Arbitrary<Body> = fc.oneof(
  fc
    .anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true })
    .map((value) => {
      try {
        return JSON.stringify(value);
      } catch {
        return inspect(value);
      }
    }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)),
  fc.constant(undefined),
);

describe('SendEmail request validation, tried wide', () => {
  it('answers any body with a 200 or an SES-shaped 4xx, never a 500 or a throw', async () => {
    const mock = createMockSes();
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        await expectSesAnswer(mock, body);
      }),
      { numRuns },
    );
    expect(mock.requests.all().every((entry) => entry.status < 500)).toBe(true);
  });

  it('answers SendEmail bodies near the valid shape the same way, and sometimes accepts them', async () => {
    const mock = createMockSes();
    const sandboxed = createMockSes({ identities: ['acme.test'], sandbox: true });
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(sendEmailBody, nearValidBody),
        fc.boolean(),
        async (body, strict) => {
          statuses.add(await expectSesAnswer(strict ? sandboxed : mock, JSON.stringify(body)));
        },
      ),
      { numRuns },
    );
    // The arbitraries reach both sides of the validation, not only its first check.
    expect(statuses.has(200)).toBe(true);
    expect(statuses.has(400)).toBe(true);
  });
});

/** Header text with the characters that break a MIME head: CR, LF, colon, NUL, non-ASCII. */
const headerText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('a', 'B', ':', ' ', '\r', '\n', '\0', 'é', '-'),
    maxLength: 12,
  }),
  fc.constantFrom('X-Ok', 'v', '\r\nBcc: victim@example.com', 'text/plain\nX-Evil: 1'),
);

/** Every line of the head is `Name: value` or a folded continuation. */
function expectWellFormedHead(eml: string) {
  const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
  for (const line of head.split('\r\n')) {
    expect(line).toMatch(/^(?:[!-9;-~]+: |[ \t])/);
  }
  expect(eml).not.toMatch(/^(?:Bcc|X-Evil):/m);
}

describe('what reaches the .eml', () => {
  it('never carries a header line the request smuggled in (Headers, attachment fields)', async () => {
    const mock = createMockSes();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ Name: headerText, Value: headerText }), { maxLength: 3 }),
        fc.record(
          {
            ContentType: headerText,
            ContentId: headerText,
            ContentDisposition: fc.oneof(headerText, fc.constantFrom('ATTACHMENT', 'INLINE')),
            FileName: headerText,
          },
          { requiredKeys: [] },
        ),
        async (headers, fields) => {
          const body = {
            FromEmailAddress: 'noreply@acme.test',
            Destination: { ToAddresses: ['ada@example.com'] },
            Content: {
              Simple: {
                Subject: { Data: 'Hi' },
                Body: { Text: { Data: 'Hello' } },
                Headers: headers,
                Attachments: [{ FileName: 'a.txt', RawContent: 'eA==', ...fields }],
              },
            },
          };
          const status = await expectSesAnswer(mock, JSON.stringify(body));
          if (status === 200)
            expectWellFormedHead(mock.outbox.toEml(mock.outbox.last()?.messageId ?? '') ?? '');
        },
      ),
      { numRuns },
    );
  });
});
