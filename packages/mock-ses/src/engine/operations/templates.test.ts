import {
  AlreadyExistsException,
  BadRequestException,
  CreateEmailTemplateCommand,
  DeleteEmailTemplateCommand,
  GetEmailTemplateCommand,
  ListEmailTemplatesCommand,
  NotFoundException,
  TestRenderEmailTemplateCommand,
  UpdateEmailTemplateCommand,
} from '@aws-sdk/client-sesv2';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { rejectionOf, testClient, useMswForSes } from '../../testing/ses-test-harness.js';

const msw = useMswForSes();

describe('email templates', () => {
  it('creates, gets, updates, lists and deletes', async () => {
    const now = Date.parse('2024-03-01T10:00:00Z');
    msw.mockSes({ now: () => now });
    const client = testClient();
    await client.send(
      new CreateEmailTemplateCommand({
        TemplateName: 'Welcome',
        TemplateContent: { Subject: 'Hi {{name}}', Html: '<p>{{name}}</p>', Text: '{{name}}' },
      }),
    );
    expect(
      await client.send(new GetEmailTemplateCommand({ TemplateName: 'Welcome' })),
    ).toMatchObject({
      TemplateName: 'Welcome',
      TemplateContent: { Subject: 'Hi {{name}}', Html: '<p>{{name}}</p>', Text: '{{name}}' },
    });
    await client.send(
      new UpdateEmailTemplateCommand({
        TemplateName: 'Welcome',
        TemplateContent: { Subject: 'Hello {{name}}' },
      }),
    );
    expect(
      (await client.send(new GetEmailTemplateCommand({ TemplateName: 'Welcome' }))).TemplateContent,
    ).toEqual({
      Subject: 'Hello {{name}}',
    });
    const list = await client.send(new ListEmailTemplatesCommand({}));
    expect(list.TemplatesMetadata).toEqual([
      { TemplateName: 'Welcome', CreatedTimestamp: new Date(now) },
    ]);
    await client.send(new DeleteEmailTemplateCommand({ TemplateName: 'Welcome' }));
    const error = await rejectionOf(
      client.send(new GetEmailTemplateCommand({ TemplateName: 'Welcome' })),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe('Template Welcome does not exist.');
  });

  it('rejects a duplicate with AlreadyExistsException and updates of unknown templates with NotFoundException', async () => {
    msw.mockSes({ templates: [{ name: 'T', subject: 's' }] });
    const client = testClient();
    expect(
      await rejectionOf(
        client.send(
          new CreateEmailTemplateCommand({ TemplateName: 'T', TemplateContent: { Subject: 'x' } }),
        ),
      ),
    ).toBeInstanceOf(AlreadyExistsException);
    expect(
      await rejectionOf(
        client.send(
          new UpdateEmailTemplateCommand({ TemplateName: 'U', TemplateContent: { Subject: 'x' } }),
        ),
      ),
    ).toBeInstanceOf(NotFoundException);
  });

  it('TestRenderEmailTemplate answers the rendered MIME', async () => {
    msw.mockSes({
      templates: [
        {
          name: 'Code',
          subject: 'Code für {{user.name}}',
          html: '<b>{{code}}</b>',
          text: 'Code {{code}}',
        },
      ],
    });
    const output = await testClient().send(
      new TestRenderEmailTemplateCommand({
        TemplateName: 'Code',
        TemplateData: JSON.stringify({ code: '654321', user: { name: 'Jürgen' } }),
      }),
    );
    const parsed = await PostalMime.parse(output.RenderedTemplate as string);
    expect(parsed.subject).toBe('Code für Jürgen');
    expect(parsed.html).toBe('<b>654321</b>');
    expect(parsed.text).toBe('Code 654321');
  });

  it('TestRenderEmailTemplate rejects missing attributes and malformed data with BadRequestException', async () => {
    msw.mockSes({ templates: [{ name: 'Code', subject: '{{code}}' }] });
    const client = testClient();
    const missing = await rejectionOf(
      client.send(new TestRenderEmailTemplateCommand({ TemplateName: 'Code', TemplateData: '{}' })),
    );
    expect(missing).toBeInstanceOf(BadRequestException);
    expect(missing.message).toBe("Attribute 'code' is not present in the rendering data.");
    const malformed = await rejectionOf(
      client.send(new TestRenderEmailTemplateCommand({ TemplateName: 'Code', TemplateData: '{' })),
    );
    expect(malformed).toBeInstanceOf(BadRequestException);
    expect(
      await rejectionOf(
        client.send(
          new TestRenderEmailTemplateCommand({ TemplateName: 'Nope', TemplateData: '{}' }),
        ),
      ),
    ).toBeInstanceOf(NotFoundException);
  });
});
