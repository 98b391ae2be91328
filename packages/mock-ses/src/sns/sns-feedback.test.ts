import { verify, X509Certificate } from 'node:crypto';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  DeleteSuppressedDestinationCommand,
  GetConfigurationSetEventDestinationsCommand,
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  PutSuppressedDestinationCommand,
  SendEmailCommand,
  UpdateConfigurationSetEventDestinationCommand,
} from '@aws-sdk/client-sesv2';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { rejectionOf, simpleEmail, testClient, useMswForSes } from '../testing/ses-test-harness.js';
import { stringToSign } from './string-to-sign.js';

const msw = useMswForSes();
const topicArn = 'arn:aws:sns:us-east-1:123456789012:ses-feedback';
const endpoint = 'https://app.test/ses-feedback';

/** A subscriber that checks every signature itself and confirms its subscription. */
function subscriber() {
  const received: Record<string, string>[] = [];
  msw.server.use(
    http.post(endpoint, async ({ request }) => {
      const message = JSON.parse(await request.text()) as Record<string, string>;
      const pem = await (await fetch(message.SigningCertURL as string)).text();
      const key = new X509Certificate(pem).publicKey;
      const digest = message.SignatureVersion === '2' ? 'sha256' : 'sha1';
      const valid = verify(
        digest,
        Buffer.from(stringToSign(message)),
        key,
        Buffer.from(message.Signature as string, 'base64'),
      );
      if (!valid) return new HttpResponse(null, { status: 403 });
      received.push(message);
      if (message.Type === 'SubscriptionConfirmation') await fetch(message.SubscribeURL as string);
      return new HttpResponse(null, { status: 200 });
    }),
  );
  return received;
}

async function feedbackSetup(signatureVersion?: '1' | '2') {
  const mock = msw.mockSes();
  const client = testClient();
  await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'feedback' }));
  await client.send(
    new CreateConfigurationSetEventDestinationCommand({
      ConfigurationSetName: 'feedback',
      EventDestinationName: 'to-sns',
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT'],
        SnsDestination: { TopicArn: topicArn },
      },
    }),
  );
  const received = subscriber();
  const subscription = await mock.sns.subscribe(
    topicArn,
    endpoint,
    signatureVersion ? { signatureVersion } : {},
  );
  return { mock, client, received, subscription };
}

const send = (to: string) =>
  new SendEmailCommand(
    simpleEmail({ Destination: { ToAddresses: [to] }, ConfigurationSetName: 'feedback' }),
  );

describe('mock SNS event publishing', () => {
  it('confirms a subscription through its signed SubscribeURL, then delivers signed events', async () => {
    const { mock, client, received, subscription } = await feedbackSetup();
    // The subscriber confirmed while answering the SubscriptionConfirmation POST.
    expect(subscription.status).toBe('Confirmed');
    expect(received[0]?.Type).toBe('SubscriptionConfirmation');
    expect(mock.sns.subscriptions()[0]?.status).toBe('Confirmed');

    const { MessageId } = await client.send(send('bounce@simulator.amazonses.com'));
    await mock.sns.idle();
    const notifications = received.filter((m) => m.Type === 'Notification');
    const records = notifications.map((m) => JSON.parse(m.Message as string));
    expect(records.map((r) => r.eventType)).toEqual(['Send', 'Bounce']);
    expect(records[1]).toMatchObject({
      mail: {
        messageId: MessageId,
        destination: ['bounce@simulator.amazonses.com'],
        tags: { 'ses:configuration-set': ['feedback'] },
      },
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'bounce@simulator.amazonses.com', status: '5.1.1' }],
      },
    });
    expect(notifications[0]).toMatchObject({
      SignatureVersion: '1',
      TopicArn: topicArn,
      Subject: 'Amazon SES Email Event Notification',
    });
    expect(notifications[0]?.SigningCertURL).toMatch(
      /^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]+\.pem$/,
    );
    // Simulator addresses never land on the account's suppression list, as in SES.
    expect(mock.suppressionList.get('bounce@simulator.amazonses.com')).toBeUndefined();
    expect(mock.feedback.eventsFor(MessageId as string).map((e) => e.eventType)).toEqual([
      'Send',
      'Bounce',
    ]);
  });

  it('plays every simulator address as SES does, signing with SHA256 when asked', async () => {
    const { mock, client, received } = await feedbackSetup('2');
    const outcomes: Record<string, string[]> = {};
    for (const local of ['success', 'ooto', 'complaint', 'suppressionlist', 'bounce+signup']) {
      const { MessageId } = await client.send(send(`${local}@simulator.amazonses.com`));
      outcomes[local] = mock.feedback.eventsFor(MessageId as string).map((e) => e.eventType);
    }
    expect(outcomes).toEqual({
      success: ['Send', 'Delivery'],
      ooto: ['Send', 'Delivery'],
      complaint: ['Send', 'Delivery', 'Complaint'],
      suppressionlist: ['Send', 'Bounce'],
      'bounce+signup': ['Send', 'Bounce'],
    });
    await mock.sns.idle();
    const notifications = received.filter((m) => m.Type === 'Notification');
    expect(notifications).toHaveLength(11);
    expect(new Set(notifications.map((m) => m.SignatureVersion))).toEqual(new Set(['2']));
    const suppressed = notifications
      .map((m) => JSON.parse(m.Message as string))
      .find((r) => r.bounce?.bounceSubType === 'OnAccountSuppressionList');
    expect(suppressed.mail.destination).toEqual(['suppressionlist@simulator.amazonses.com']);
  });

  it('keeps an account-level suppression list: automatic for real addresses, the four operations on the wire', async () => {
    const { mock, client } = await feedbackSetup();
    // An ordinary address is delivered; then it is suppressed by hand and the next send bounces.
    const first = await client.send(send('jane@example.com'));
    expect(mock.feedback.eventsFor(first.MessageId as string).map((e) => e.eventType)).toEqual([
      'Send',
      'Delivery',
    ]);
    await client.send(
      new PutSuppressedDestinationCommand({ EmailAddress: 'jane@example.com', Reason: 'BOUNCE' }),
    );
    const got = await client.send(
      new GetSuppressedDestinationCommand({ EmailAddress: 'JANE@example.com' }),
    );
    expect(got.SuppressedDestination).toMatchObject({
      EmailAddress: 'jane@example.com',
      Reason: 'BOUNCE',
    });
    expect(got.SuppressedDestination?.LastUpdateTime).toBeInstanceOf(Date);
    const second = await client.send(send('jane@example.com'));
    const events = mock.feedback.eventsFor(second.MessageId as string);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Bounce']);
    expect(events[1]?.detail).toMatch(/OnAccountSuppressionList/);

    await client.send(
      new PutSuppressedDestinationCommand({ EmailAddress: 'joe@example.com', Reason: 'COMPLAINT' }),
    );
    const list = await client.send(
      new ListSuppressedDestinationsCommand({ Reasons: ['COMPLAINT'] }),
    );
    expect(list.SuppressedDestinationSummaries?.map((s) => s.EmailAddress)).toEqual([
      'joe@example.com',
    ]);
    await client.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'jane@example.com' }));
    const missing = await rejectionOf(
      client.send(new GetSuppressedDestinationCommand({ EmailAddress: 'jane@example.com' })),
    );
    expect(missing.name).toBe('NotFoundException');
    const badReason = await rejectionOf(
      client.send(
        new PutSuppressedDestinationCommand({
          EmailAddress: 'x@example.com',
          Reason: 'SPAM' as 'BOUNCE',
        }),
      ),
    );
    expect(badReason.name).toBe('BadRequestException');
  });

  it('answers the event destination operations as SES v2 does', async () => {
    const { client } = await feedbackSetup();
    await client.send(
      new UpdateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: 'feedback',
        EventDestinationName: 'to-sns',
        EventDestination: { Enabled: false, MatchingEventTypes: ['BOUNCE'] },
      }),
    );
    const { EventDestinations } = await client.send(
      new GetConfigurationSetEventDestinationsCommand({ ConfigurationSetName: 'feedback' }),
    );
    expect(EventDestinations).toEqual([
      {
        Name: 'to-sns',
        Enabled: false,
        MatchingEventTypes: ['BOUNCE'],
        SnsDestination: { TopicArn: topicArn },
      },
    ]);
    const duplicate = await rejectionOf(
      client.send(
        new CreateConfigurationSetEventDestinationCommand({
          ConfigurationSetName: 'feedback',
          EventDestinationName: 'to-sns',
          EventDestination: {
            MatchingEventTypes: ['SEND'],
            SnsDestination: { TopicArn: topicArn },
          },
        }),
      ),
    );
    expect(duplicate.name).toBe('AlreadyExistsException');
    const noSet = await rejectionOf(
      client.send(
        new GetConfigurationSetEventDestinationsCommand({ ConfigurationSetName: 'nope' }),
      ),
    );
    expect(noSet.name).toBe('NotFoundException');
  });

  it('sends an UnsubscribeConfirmation when the UnsubscribeURL is visited, and stops delivering', async () => {
    const { mock, client, received } = await feedbackSetup();
    await client.send(send('success@simulator.amazonses.com'));
    await mock.sns.idle();
    const notification = received.find((m) => m.Type === 'Notification');
    await fetch(notification?.UnsubscribeURL as string);
    expect(received.at(-1)?.Type).toBe('UnsubscribeConfirmation');
    expect(mock.sns.subscriptions()).toEqual([]);
    const before = received.length;
    await client.send(send('success@simulator.amazonses.com'));
    await mock.sns.idle();
    expect(received).toHaveLength(before);
  });
});
