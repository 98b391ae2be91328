import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it, vi } from 'vitest';
import { testClient, useMswForSes } from '../testing/ses-test-harness.js';

const msw = useMswForSes();

describe('wire: the SendEmail request the SDK produced vs what the engine stored', () => {
  it('maps every field, one by one', async () => {
    const mock = msw.mockSes({ configurationSets: ['tx'] });
    const captured: { body: string; headers: Headers }[] = [];
    msw.server.events.on('request:start', ({ request }) => {
      void request
        .clone()
        .text()
        .then((body) => captured.push({ body, headers: request.headers }));
    });
    const output = await testClient().send(
      new SendEmailCommand({
        FromEmailAddress: '"Acme, Inc." <noreply@acme.test>',
        FromEmailAddressIdentityArn: 'arn:aws:ses:us-east-1:111122223333:identity/acme.test',
        Destination: {
          ToAddresses: ['to@example.com'],
          CcAddresses: ['cc@example.com'],
          BccAddresses: ['bcc@example.com'],
        },
        ReplyToAddresses: ['reply@acme.test'],
        FeedbackForwardingEmailAddress: 'fb@acme.test',
        FeedbackForwardingEmailAddressIdentityArn:
          'arn:aws:ses:us-east-1:111122223333:identity/fb.acme.test',
        Content: {
          Simple: {
            Subject: { Data: 'Grüße ✓', Charset: 'UTF-8' },
            Body: {
              Text: { Data: 'text ✓', Charset: 'UTF-8' },
              Html: { Data: '<p>html ✓</p>', Charset: 'UTF-8' },
            },
            Headers: [{ Name: 'X-Ref', Value: 'r-1' }],
          },
        },
        EmailTags: [
          { Name: 'usage', Value: 'SignIn' },
          { Name: 'tenant', Value: 't1' },
        ],
        ConfigurationSetName: 'tx',
      }),
    );
    msw.server.events.removeAllListeners();
    await vi.waitFor(() => expect(captured).toHaveLength(1));
    const [request] = captured;
    const sent = JSON.parse(request?.body ?? '{}');
    expect(request?.headers.get('content-type')).toBe('application/json');
    const stored = mock.outbox.get(output.MessageId as string);
    expect(stored).toBeDefined();
    if (!stored) return;

    expect(stored.from).toBe(sent.FromEmailAddress);
    expect(stored.fromEmailAddressIdentityArn).toBe(sent.FromEmailAddressIdentityArn);
    expect(stored.to).toEqual(sent.Destination.ToAddresses);
    expect(stored.cc).toEqual(sent.Destination.CcAddresses);
    expect(stored.bcc).toEqual(sent.Destination.BccAddresses);
    expect(stored.replyTo).toEqual(sent.ReplyToAddresses);
    expect(stored.feedbackForwardingEmailAddress).toBe(sent.FeedbackForwardingEmailAddress);
    expect(stored.feedbackForwardingEmailAddressIdentityArn).toBe(
      sent.FeedbackForwardingEmailAddressIdentityArn,
    );
    expect(stored.subject).toBe(sent.Content.Simple.Subject.Data);
    expect(stored.text).toBe(sent.Content.Simple.Body.Text.Data);
    expect(stored.html).toBe(sent.Content.Simple.Body.Html.Data);
    expect(stored.headers).toEqual(
      sent.Content.Simple.Headers.map((h: { Name: string; Value: string }) => ({
        name: h.Name,
        value: h.Value,
      })),
    );
    expect(stored.tags).toEqual(
      Object.fromEntries(
        sent.EmailTags.map((t: { Name: string; Value: string }) => [t.Name, t.Value]),
      ),
    );
    expect(stored.configurationSetName).toBe(sent.ConfigurationSetName);
    expect(stored.requestId).toBe(output.$metadata.requestId);
    // The request log keeps the body exactly as parsed from the wire.
    expect(mock.requests.operations('SendEmail')[0]?.body).toEqual(sent);
  });
});
