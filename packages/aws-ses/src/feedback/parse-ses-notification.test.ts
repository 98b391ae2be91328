import { deliveryEventRaw } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { sesRecords } from '../../test/ses-records.js';
import { FeedbackError } from './feedback-error.js';
import { parseSesNotification } from './parse-ses-notification.js';

const parse = (record: unknown) => parseSesNotification(JSON.stringify(record));
const common = { provider: 'aws-ses', messageId: '0100018f-msg' };

describe('parseSesNotification', () => {
  it('gives one event per recipient, with the message tags', () => {
    expect(parse(sesRecords.send)).toEqual([
      {
        ...common,
        type: 'sent',
        recipient: 'a@example.com',
        timestamp: '2026-12-03T08:00:00.000Z',
        tags: { usage_type: 'SignIn', 'ses:configuration-set': 'feedback' },
      },
      {
        ...common,
        type: 'sent',
        recipient: 'b@example.com',
        timestamp: '2026-12-03T08:00:00.000Z',
        tags: { usage_type: 'SignIn', 'ses:configuration-set': 'feedback' },
      },
    ]);
  });

  it('maps every event-publishing type', () => {
    const at = '2026-12-03T08:00:02.000Z';
    expect(parse(sesRecords.delivery)).toEqual([
      {
        ...common,
        type: 'delivered',
        recipient: 'a@example.com',
        timestamp: at,
        smtpResponse: '250 2.6.0 Message received',
        processingTimeMs: 546,
      },
    ]);
    expect(parse(sesRecords.hardBounce)).toEqual([
      {
        ...common,
        type: 'bounced',
        recipient: 'gone@example.com',
        timestamp: at,
        bounceKind: 'hard',
        bounceType: 'Permanent',
        bounceSubType: 'General',
        status: '5.1.1',
        diagnostic: 'smtp; 550 5.1.1 user unknown',
      },
    ]);
    expect(parse(sesRecords.softBounce)[0]).toMatchObject({
      type: 'bounced',
      bounceKind: 'soft',
      bounceSubType: 'MailboxFull',
    });
    expect(parse(sesRecords.complaint)).toEqual([
      {
        ...common,
        type: 'complained',
        recipient: 'angry@example.com',
        timestamp: at,
        feedbackType: 'abuse',
      },
    ]);
    expect(parse(sesRecords.reject)[0]).toMatchObject({
      type: 'rejected',
      reason: 'Bad content',
      recipient: 'a@example.com',
    });
    expect(parse(sesRecords.delay)[0]).toMatchObject({
      type: 'delayed',
      recipient: 'slow@example.com',
      delayType: 'TransientCommunicationFailure',
      status: '4.4.1',
      expiresAt: '2026-12-04T08:00:00.000Z',
    });
    expect(parse(sesRecords.open)[0]).toMatchObject({
      type: 'opened',
      ipAddress: '192.0.2.1',
      userAgent: 'Mail/1.0',
    });
    expect(parse(sesRecords.click)[0]).toMatchObject({
      type: 'clicked',
      link: 'https://acme.test/verify',
    });
    expect(parse(sesRecords.renderingFailure)[0]).toMatchObject({
      type: 'rendering_failed',
      templateName: 'Welcome',
    });
  });

  it('reads identity notifications, and ignores records without feedback', () => {
    expect(parse(sesRecords.identityBounce)[0]).toMatchObject({
      type: 'bounced',
      bounceKind: 'hard',
      recipient: 'gone@example.com',
    });
    expect(parse(sesRecords.identityComplaint)[0]).toMatchObject({
      type: 'complained',
      recipient: 'angry@example.com',
    });
    expect(parse(sesRecords.setupTest)).toEqual([]);
    expect(parse({ eventType: 'Subscription', mail: {} })).toEqual([]);
  });

  it('keeps the record, with its headers, out of JSON', () => {
    const [event] = parse(sesRecords.hardBounce);
    expect(JSON.stringify(event)).not.toContain('402911');
    expect(deliveryEventRaw(event!)).toMatchObject({ eventType: 'Bounce' });
  });

  it('refuses what is not an SES record with a typed error', () => {
    for (const message of [
      'hello',
      '[]',
      'null',
      '{}',
      '{"eventType":"Nope","mail":{}}',
      JSON.stringify({ ...sesRecords.hardBounce, bounce: { bounceType: 'Permanent' } }),
      JSON.stringify({
        ...sesRecords.send,
        mail: { messageId: 'x', timestamp: 'yesterday', destination: ['a@example.com'] },
      }),
    ]) {
      const error = (() => {
        try {
          parseSesNotification(message);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(FeedbackError.isInstance(error), message).toBe(true);
      expect((error as FeedbackError).code).toBe('invalid_ses_event');
    }
  });
});
