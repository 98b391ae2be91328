import { NotFoundException, SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { rejectionOf, testClient, useMswForSes } from '../../testing/ses-test-harness.js';

const msw = useMswForSes();

describe('SendBulkEmail', () => {
  it('renders each entry with merged data, tags and headers; statuses per entry in a 200 body', async () => {
    const mock = msw.mockSes({
      sandbox: true,
      identities: ['acme.test', 'ok.test'],
      templates: [{ name: 'Promo', subject: '{{greeting}} {{name}}', text: 'for {{name}}' }],
    });
    const output = await testClient().send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'news@acme.test',
        DefaultContent: {
          Template: { TemplateName: 'Promo', TemplateData: '{"greeting":"Hi","name":"you"}' },
        },
        DefaultEmailTags: [{ Name: 'campaign', Value: 'spring' }],
        BulkEmailEntries: [
          {
            Destination: { ToAddresses: ['ann@ok.test'] },
            ReplacementEmailContent: {
              ReplacementTemplate: { ReplacementTemplateData: '{"name":"Ann"}' },
            },
            ReplacementTags: [{ Name: 'segment', Value: 'a' }],
            ReplacementHeaders: [{ Name: 'X-Entry', Value: '1' }],
          },
          { Destination: { ToAddresses: ['stranger@elsewhere.test'] } },
          { Destination: { ToAddresses: ['not an address'] } },
          { Destination: { ToAddresses: ['bob@ok.test'] } },
        ],
      }),
    );
    expect(output.BulkEmailEntryResults?.map((r) => r.Status)).toEqual([
      'SUCCESS',
      'MESSAGE_REJECTED',
      'INVALID_PARAMETER',
      'SUCCESS',
    ]);
    expect(output.BulkEmailEntryResults?.[1]?.Error).toBe(
      'Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@elsewhere.test',
    );
    expect(output.BulkEmailEntryResults?.[0]?.MessageId).toBe(mock.outbox.all()[0]?.messageId);
    expect(
      mock.outbox
        .all()
        .map((m) => [m.operation, m.contentKind, m.subject, m.text, m.tags, m.headers]),
    ).toEqual([
      [
        'SendBulkEmail',
        'Template',
        'Hi Ann',
        'for Ann',
        { campaign: 'spring', segment: 'a' },
        [{ name: 'X-Entry', value: '1' }],
      ],
      ['SendBulkEmail', 'Template', 'Hi you', 'for you', { campaign: 'spring' }, []],
    ]);
  });

  it('reports an unknown template per entry and an unknown configuration set for the whole call', async () => {
    msw.mockSes();
    const client = testClient();
    const output = await client.send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'news@acme.test',
        DefaultContent: { Template: { TemplateName: 'Nope', TemplateData: '{}' } },
        BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
      }),
    );
    expect(output.BulkEmailEntryResults).toEqual([
      { Status: 'TEMPLATE_NOT_FOUND', Error: 'Template Nope does not exist.' },
    ]);
    const error = await rejectionOf(
      client.send(
        new SendBulkEmailCommand({
          FromEmailAddress: 'news@acme.test',
          ConfigurationSetName: 'missing',
          DefaultContent: { Template: { TemplateContent: { Subject: 's' }, TemplateData: '{}' } },
          BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
  });

  it('reports a paused account per entry', async () => {
    msw.mockSes({ sendingEnabled: false });
    const output = await testClient().send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'news@acme.test',
        DefaultContent: { Template: { TemplateContent: { Subject: 's' }, TemplateData: '{}' } },
        BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.com'] } }],
      }),
    );
    expect(output.BulkEmailEntryResults?.[0]?.Status).toBe('ACCOUNT_SENDING_PAUSED');
  });
});
