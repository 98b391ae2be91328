import {
  BadRequestException,
  MessageRejected,
  NotFoundException,
  SendEmailCommand,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createMockSes } from '../../create-mock-ses.js';
import {
  rejectionOf,
  simpleEmail,
  testClient,
  useMswForSes,
} from '../../testing/ses-test-harness.js';

const msw = useMswForSes();

async function sendFails(
  input: SendEmailCommandInput,
  options?: Parameters<typeof msw.mockSes>[0],
) {
  const mock = msw.mockSes(options);
  const error = await rejectionOf(testClient().send(new SendEmailCommand(input)));
  return { error, mock };
}

describe('SendEmail validation, as SES validates', () => {
  it.each([
    ['From', { FromEmailAddress: 'not-an-address' }, 'not-an-address'],
    ['To', { Destination: { ToAddresses: ['user@'] } }, 'user@'],
    ['an empty To', { Destination: { ToAddresses: [''] } }, ''],
    [
      'Cc',
      { Destination: { ToAddresses: ['a@example.com'], CcAddresses: ['cc at example.com'] } },
      'cc at example.com',
    ],
    ['Bcc', { Destination: { BccAddresses: ['bcc@@example.com'] } }, 'bcc@@example.com'],
    ['Reply-To', { ReplyToAddresses: ['reply@nodot'] }, 'reply@nodot'],
  ] as const)(
    'rejects an invalid %s address with BadRequestException',
    async (_field, overrides, address) => {
      const { error, mock } = await sendFails(
        simpleEmail(overrides as Partial<SendEmailCommandInput>),
      );
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toBe(`Invalid email address ${address}.`);
      expect((error.$metadata as { httpStatusCode: number; attempts: number }).httpStatusCode).toBe(
        400,
      );
      expect(mock.requests.operations('SendEmail')).toHaveLength(1);
      expect(mock.outbox.size).toBe(0);
    },
  );

  it('accepts display names in every address field', async () => {
    const mock = msw.mockSes();
    await testClient().send(
      new SendEmailCommand(
        simpleEmail({
          FromEmailAddress: '"Acme, Inc." <noreply@acme.test>',
          Destination: { ToAddresses: ['Ann <ann@example.com>'] },
          ReplyToAddresses: ['<help@acme.test>'],
        }),
      ),
    );
    expect(mock.outbox.last()).toMatchObject({
      fromAddress: 'noreply@acme.test',
      to: ['Ann <ann@example.com>'],
    });
  });

  it('rejects a missing Destination and a Destination with no recipient', async () => {
    const missing = await sendFails(simpleEmail({ Destination: undefined }));
    expect(missing.error).toBeInstanceOf(BadRequestException);
    expect(missing.error.message).toMatch(/Value null at 'destination'/);
    const empty = await sendFails(simpleEmail({ Destination: { ToAddresses: [] } }));
    expect(empty.error).toBeInstanceOf(BadRequestException);
    expect(empty.error.message).toMatch(/^Missing recipients/);
  });

  it('accepts Cc-only and Bcc-only destinations, as SES does', async () => {
    const mock = msw.mockSes();
    await testClient().send(
      new SendEmailCommand(simpleEmail({ Destination: { BccAddresses: ['b@example.com'] } })),
    );
    expect(mock.outbox.last()?.bcc).toEqual(['b@example.com']);
  });

  it('rejects more than 50 recipients and accepts exactly 50', async () => {
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);
    const over = await sendFails(
      simpleEmail({
        Destination: {
          ToAddresses: addresses(40),
          CcAddresses: addresses(10),
          BccAddresses: ['x@example.com'],
        },
      }),
    );
    expect(over.error).toBeInstanceOf(BadRequestException);
    expect(over.error.message).toBe('Recipient count exceeds 50.');
    const mock = msw.mockSes();
    await testClient().send(
      new SendEmailCommand(simpleEmail({ Destination: { ToAddresses: addresses(50) } })),
    );
    expect(mock.outbox.last()?.to).toHaveLength(50);
  });

  it('requires exactly one content kind', async () => {
    const none = await sendFails(simpleEmail({ Content: {} }));
    expect(none.error).toBeInstanceOf(BadRequestException);
    expect(none.error.message).toBe(
      'Exactly one of Simple, Raw or Template must be specified in Content; got none.',
    );
    const two = await sendFails(
      simpleEmail({
        Content: {
          Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } },
          Template: { TemplateContent: { Subject: 's' }, TemplateData: '{}' },
        },
      }),
    );
    expect(two.error.message).toBe(
      'Exactly one of Simple, Raw or Template must be specified in Content; got Simple, Template.',
    );
  });

  it('requires a Subject for Simple content', async () => {
    const { error } = await sendFails(
      simpleEmail({ Content: { Simple: { Body: { Text: { Data: 'hi' } } } } as never }),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'content.simple.subject' failed to satisfy constraint: Member must not be null",
    );
  });

  it('rejects a configuration set that does not exist with NotFoundException', async () => {
    const { error } = await sendFails(simpleEmail({ ConfigurationSetName: 'nope' }));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe('Configuration set nope does not exist.');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(404);
  });

  it('records the configuration set, feedback address and identity ARNs when they are valid', async () => {
    const mock = msw.mockSes({ configurationSets: ['transactional'] });
    await testClient().send(
      new SendEmailCommand(
        simpleEmail({
          ConfigurationSetName: 'transactional',
          FeedbackForwardingEmailAddress: 'bounces@acme.test',
          FromEmailAddressIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/acme.test',
          FeedbackForwardingEmailAddressIdentityArn:
            'arn:aws:ses:us-east-1:123456789012:identity/acme.test',
          ListManagementOptions: { ContactListName: 'newsletter', TopicName: 'weekly' },
        }),
      ),
    );
    expect(mock.outbox.last()).toMatchObject({
      configurationSetName: 'transactional',
      feedbackForwardingEmailAddress: 'bounces@acme.test',
      fromEmailAddressIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/acme.test',
      feedbackForwardingEmailAddressIdentityArn:
        'arn:aws:ses:us-east-1:123456789012:identity/acme.test',
      listManagementOptions: { contactListName: 'newsletter', topicName: 'weekly' },
    });
  });

  it('rejects a message over 40 MB with MessageRejected', async () => {
    const mock = createMockSes();
    const big = 'x'.repeat(40 * 1024 * 1024 + 1);
    const response = await mock.handle(
      new Request('http://x/v2/email/outbound-emails', {
        method: 'POST',
        body: JSON.stringify(
          simpleEmail({
            Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: big } } } },
          }),
        ),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('MessageRejected');
    expect((await response.json()).message).toMatch(
      /^Message length is more than 41943040 bytes long/,
    );
  });
});

describe('SendEmail with Simple content', () => {
  it('keeps custom headers and attachments', async () => {
    const mock = msw.mockSes();
    await testClient().send(
      new SendEmailCommand(
        simpleEmail({
          Content: {
            Simple: {
              Subject: { Data: 'Report' },
              Body: { Text: { Data: 'attached' } },
              Headers: [{ Name: 'X-Entity-Ref-ID', Value: 'abc' }],
              Attachments: [
                {
                  FileName: 'r.txt',
                  RawContent: new TextEncoder().encode('hello'),
                  ContentType: 'text/plain',
                },
              ],
            },
          },
        }),
      ),
    );
    const message = mock.outbox.last();
    expect(message?.headers).toEqual([{ name: 'X-Entity-Ref-ID', value: 'abc' }]);
    expect(message?.attachments).toEqual([
      {
        filename: 'r.txt',
        contentType: 'text/plain',
        size: 5,
        content: Buffer.from('hello').toString('base64'),
      },
    ]);
  });
});

describe('SendEmail with Raw content', () => {
  const mime = [
    'From: =?UTF-8?B?QWNtZSDinJM=?= <noreply@acme.test>',
    'To: Ann <ann@example.com>, bob@example.com',
    'Cc: carol@example.com',
    'Reply-To: help@acme.test',
    'Subject: =?UTF-8?B?SGVsbG8g4pyT?=',
    'X-Campaign: spring',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'plain body',
    '--b1',
    'Content-Type: text/html; charset=UTF-8',
    '',
    '<p>html body</p>',
    '--b1--',
    '',
  ].join('\r\n');

  it('parses the MIME into the same normalized fields, recipients from its headers', async () => {
    const mock = msw.mockSes();
    const output = await testClient().send(
      new SendEmailCommand({ Content: { Raw: { Data: new TextEncoder().encode(mime) } } }),
    );
    const message = mock.outbox.get(output.MessageId as string);
    expect(message).toMatchObject({
      contentKind: 'Raw',
      from: 'Acme ✓ <noreply@acme.test>',
      fromAddress: 'noreply@acme.test',
      to: ['Ann <ann@example.com>', 'bob@example.com'],
      cc: ['carol@example.com'],
      replyTo: ['help@acme.test'],
      subject: 'Hello ✓',
      text: 'plain body\n',
      html: '<p>html body</p>\n',
      headers: [{ name: 'X-Campaign', value: 'spring' }],
      raw: mime,
    });
  });

  it('sends to Destination over the MIME headers and takes FromEmailAddress when given', async () => {
    const mock = msw.mockSes();
    await testClient().send(
      new SendEmailCommand({
        FromEmailAddress: 'other@acme.test',
        Destination: { ToAddresses: ['only@example.com'] },
        Content: { Raw: { Data: new TextEncoder().encode(mime) } },
      }),
    );
    expect(mock.outbox.last()).toMatchObject({
      from: 'other@acme.test',
      to: ['only@example.com'],
      cc: [],
    });
  });

  it('rejects a MIME message with no From when FromEmailAddress is absent', async () => {
    const { error } = await sendFails({
      Destination: { ToAddresses: ['a@example.com'] },
      Content: { Raw: { Data: new TextEncoder().encode('Subject: x\r\n\r\nbody') } },
    });
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe("Missing required header 'From'.");
  });
});

describe('SendEmail with Template content', () => {
  it('renders a stored template with TemplateData, dotted paths included', async () => {
    const mock = msw.mockSes({
      templates: [
        {
          name: 'Welcome',
          subject: 'Hi {{user.name}}',
          html: '<p>Code {{code}}</p>',
          text: 'Code {{ code }}',
        },
      ],
    });
    await testClient().send(
      new SendEmailCommand(
        simpleEmail({
          Content: {
            Template: {
              TemplateName: 'Welcome',
              TemplateData: JSON.stringify({ code: '123456', user: { name: 'Ann' } }),
            },
          },
        }),
      ),
    );
    expect(mock.outbox.last()).toMatchObject({
      contentKind: 'Template',
      subject: 'Hi Ann',
      html: '<p>Code 123456</p>',
      text: 'Code 123456',
      templateName: 'Welcome',
      templateData: '{"code":"123456","user":{"name":"Ann"}}',
    });
  });

  it('renders inline TemplateContent and resolves a TemplateArn to the stored template', async () => {
    const mock = msw.mockSes({ templates: [{ name: 'Arn', subject: 'by arn {{x}}' }] });
    const client = testClient();
    await client.send(
      new SendEmailCommand(
        simpleEmail({
          Content: {
            Template: {
              TemplateContent: { Subject: 'inline {{x}}', Text: 't' },
              TemplateData: '{"x":1}',
            },
          },
        }),
      ),
    );
    await client.send(
      new SendEmailCommand(
        simpleEmail({
          Content: {
            Template: {
              TemplateArn: 'arn:aws:ses:us-east-1:123456789012:template/Arn',
              TemplateData: '{"x":2}',
            },
          },
        }),
      ),
    );
    expect(mock.outbox.all().map((m) => m.subject)).toEqual(['inline 1', 'by arn 2']);
  });

  it('rejects malformed TemplateData with BadRequestException', async () => {
    const { error } = await sendFails(
      simpleEmail({
        Content: { Template: { TemplateContent: { Subject: 's' }, TemplateData: '{not json' } },
      }),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toMatch(/^Invalid TemplateData: not valid JSON/);
  });

  it('rejects an unknown template with NotFoundException', async () => {
    const { error } = await sendFails(
      simpleEmail({ Content: { Template: { TemplateName: 'Missing', TemplateData: '{}' } } }),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe('Template Missing does not exist.');
  });
});

describe('SendEmail identity checks', () => {
  it('accepts every sender when no identity list is configured', async () => {
    const mock = msw.mockSes();
    await testClient().send(
      new SendEmailCommand(simpleEmail({ FromEmailAddress: 'anyone@anywhere.test' })),
    );
    expect(mock.outbox.size).toBe(1);
  });

  it('rejects an unverified From with SES text, region upper-cased, and does not retry', async () => {
    const euMock = msw.mockSes({ region: 'eu-west-1', identities: ['acme.test'] });
    const euError = await rejectionOf(
      testClient({ region: 'eu-west-1' }).send(
        new SendEmailCommand(simpleEmail({ FromEmailAddress: 'Evil <evil@other.test>' })),
      ),
    );
    expect(euError).toBeInstanceOf(MessageRejected);
    expect(euError.message).toBe(
      'Email address is not verified. The following identities failed the check in region EU-WEST-1: evil@other.test',
    );
    expect(euMock.requests.operations('SendEmail')).toHaveLength(1);
    expect((euError.$metadata as { attempts: number }).attempts).toBe(1);
  });

  it('accepts a From whose domain (or parent domain) is verified', async () => {
    const mock = msw.mockSes({ identities: ['acme.test', 'solo@other.test'] });
    const client = testClient();
    await client.send(new SendEmailCommand(simpleEmail({ FromEmailAddress: 'a@acme.test' })));
    await client.send(new SendEmailCommand(simpleEmail({ FromEmailAddress: 'b@mail.acme.test' })));
    await client.send(new SendEmailCommand(simpleEmail({ FromEmailAddress: 'SOLO@other.test' })));
    expect(mock.outbox.size).toBe(3);
    const error = await rejectionOf(
      client.send(new SendEmailCommand(simpleEmail({ FromEmailAddress: 'else@other.test' }))),
    );
    expect(error).toBeInstanceOf(MessageRejected);
  });

  it('in the sandbox, rejects unverified recipients listing each of them', async () => {
    const { error } = await sendFails(
      simpleEmail({
        FromEmailAddress: 'noreply@acme.test',
        Destination: {
          ToAddresses: ['ok@verified.test', 'x@example.com'],
          CcAddresses: ['y@example.com'],
        },
      }),
      { sandbox: true, identities: ['acme.test', 'verified.test'] },
    );
    expect(error).toBeInstanceOf(MessageRejected);
    expect(error.message).toBe(
      'Email address is not verified. The following identities failed the check in region US-EAST-1: x@example.com, y@example.com',
    );
  });

  it('verifies identities added at run time', async () => {
    const mock = msw.mockSes({ identities: [] });
    const client = testClient();
    expect(await rejectionOf(client.send(new SendEmailCommand(simpleEmail())))).toBeInstanceOf(
      MessageRejected,
    );
    mock.identities.verify('acme.test');
    await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.outbox.size).toBe(1);
    mock.identities.remove('acme.test');
    expect(mock.identities.isVerified('noreply@acme.test')).toBe(false);
  });
});
