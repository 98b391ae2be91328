import { randomUUID } from 'node:crypto';
import { addressOf } from '../engine/address.js';
import type { EventDestinationStore, SesEventType } from '../engine/event-destination-store.js';
import { simulatorOutcome } from '../engine/mailbox-simulator.js';
import type { SuppressionList } from '../engine/suppression-list.js';
import type { OutboxMessage } from '../types.js';
import type { EngineSns } from './create-mock-sns.js';
import type { MockFeedback, MockFeedbackEvent } from './types.js';

export interface EngineFeedback extends MockFeedback {
  /** Works out and records what SES would report for an accepted message, then publishes it. */
  onAccepted(message: OutboxMessage): void;
}

const accountId = '123456789012';
const suppressedDiagnostic =
  'Amazon SES did not send the message to this address because it is on the suppression list for your account. For more information about removing addresses from the suppression list, see the Amazon SES Developer Guide at https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html';
const maxMessages = 10_000;

const typeKey: Record<MockFeedbackEvent['eventType'], SesEventType> = {
  Send: 'SEND',
  Delivery: 'DELIVERY',
  Bounce: 'BOUNCE',
  Complaint: 'COMPLAINT',
};

interface Context {
  region: string;
  now: () => number;
  sns: EngineSns;
  suppressionList: SuppressionList;
  eventDestinations: EventDestinationStore;
  configurationSetExists: (name: string) => boolean;
}

function mailObject(message: OutboxMessage, region: string, destination: string[]) {
  const tags: Record<string, string[]> = {};
  if (message.configurationSetName) tags['ses:configuration-set'] = [message.configurationSetName];
  tags['ses:source-ip'] = ['127.0.0.1'];
  tags['ses:from-domain'] = [message.fromAddress.split('@')[1] ?? ''];
  tags['ses:caller-identity'] = ['mock-ses'];
  for (const [name, value] of Object.entries(message.tags)) tags[name] = [value];
  return {
    timestamp: message.timestamp,
    source: message.from,
    sourceArn: `arn:aws:ses:${region}:${accountId}:identity/${message.fromAddress}`,
    sendingAccountId: accountId,
    messageId: message.messageId,
    destination,
    headersTruncated: false,
    headers: [
      { name: 'From', value: message.from },
      { name: 'To', value: message.to.join(', ') },
      { name: 'Subject', value: message.subject },
    ],
    commonHeaders: { from: [message.from], to: message.to, subject: message.subject },
    tags,
  };
}

/**
 * SES's feedback for accepted messages: the mailbox simulator's outcomes, the account-level
 * suppression list (a suppressed address bounces with `OnAccountSuppressionList` and is never
 * delivered to), automatic suppression of hard bounces and complaints to ordinary addresses
 * (never of simulator addresses, as in SES), and event publishing to the SNS destinations of the
 * message's configuration set.
 */
export function createFeedback(context: Context): EngineFeedback {
  const events = new Map<string, MockFeedbackEvent[]>();

  const record = (
    message: OutboxMessage,
    event: Omit<MockFeedbackEvent, 'topics'>,
  ): MockFeedbackEvent => {
    const set = message.configurationSetName;
    const topics =
      set !== undefined && context.configurationSetExists(set)
        ? context.eventDestinations
            .list(set)
            .filter(
              (d) =>
                d.Enabled &&
                d.SnsDestination !== undefined &&
                d.MatchingEventTypes.includes(typeKey[event.eventType]),
            )
            .map((d) => d.SnsDestination!.TopicArn)
        : [];
    const full = { ...event, topics: [...new Set(topics)] };
    const list = events.get(message.messageId) ?? [];
    list.push(full);
    events.set(message.messageId, list);
    if (events.size > maxMessages) events.delete(events.keys().next().value as string);
    return full;
  };

  const onAccepted = (message: OutboxMessage): void => {
    const now = context.now();
    const time = new Date(now).toISOString();
    const all = [...message.to, ...message.cc, ...message.bcc].map(addressOf);
    const mail = (destination: string[]) => mailObject(message, context.region, destination);
    const out: MockFeedbackEvent[] = [];
    out.push(
      record(message, {
        eventType: 'Send',
        timestamp: message.timestamp,
        recipients: all,
        record: { eventType: 'Send', mail: mail(all), send: {} },
      }),
    );

    const delivered: string[] = [];
    const hard: string[] = [];
    const suppressed: string[] = [];
    const complained: string[] = [];
    const autoReplied: string[] = [];
    for (const address of all) {
      const outcome = simulatorOutcome(address);
      if (
        outcome === 'suppressionlist' ||
        (outcome === undefined && context.suppressionList.get(address))
      ) {
        suppressed.push(address);
      } else if (outcome === 'bounce') hard.push(address);
      else {
        delivered.push(address);
        if (outcome === 'complaint') complained.push(address);
        if (outcome === 'ooto') autoReplied.push(address);
      }
    }
    if (delivered.length > 0) {
      out.push(
        record(message, {
          eventType: 'Delivery',
          timestamp: time,
          recipients: delivered,
          ...(autoReplied.length > 0
            ? { detail: `auto-reply (out of the office) from ${autoReplied.join(', ')}` }
            : {}),
          record: {
            eventType: 'Delivery',
            mail: mail(all),
            delivery: {
              timestamp: time,
              processingTimeMillis: Math.max(0, now - Date.parse(message.timestamp)),
              recipients: delivered,
              smtpResponse: '250 2.6.0 Message received',
              reportingMTA: 'a8-70.smtp-out.amazonses.com',
            },
          },
        }),
      );
    }
    const bounce = (recipients: string[], subType: string, diagnostic: string, status: string) =>
      record(message, {
        eventType: 'Bounce',
        timestamp: time,
        recipients,
        detail: `Permanent/${subType}: ${diagnostic.slice(0, 120)}`,
        record: {
          eventType: 'Bounce',
          mail: mail(all),
          bounce: {
            feedbackId: `${randomUUID()}-000000`,
            bounceType: 'Permanent',
            bounceSubType: subType,
            bouncedRecipients: recipients.map((emailAddress) => ({
              emailAddress,
              action: 'failed',
              status,
              diagnosticCode: diagnostic,
            })),
            timestamp: time,
            reportingMTA:
              subType === 'OnAccountSuppressionList'
                ? 'dns; amazonses.com'
                : 'dsn; e226-55.smtp-out.amazonses.com',
          },
        },
      });
    if (hard.length > 0) out.push(bounce(hard, 'General', 'smtp; 550 5.1.1 user unknown', '5.1.1'));
    if (suppressed.length > 0)
      out.push(bounce(suppressed, 'OnAccountSuppressionList', suppressedDiagnostic, '5.1.1'));
    for (const address of complained) {
      out.push(
        record(message, {
          eventType: 'Complaint',
          timestamp: time,
          recipients: [address],
          detail: 'abuse',
          record: {
            eventType: 'Complaint',
            mail: mail(all),
            complaint: {
              feedbackId: `${randomUUID()}-000000`,
              complaintSubType: null,
              complainedRecipients: [{ emailAddress: address }],
              timestamp: time,
              userAgent: 'Amazon SES Mailbox Simulator',
              complaintFeedbackType: 'abuse',
              arrivalDate: time,
            },
          },
        }),
      );
    }

    // SES suppresses ordinary addresses that hard-bounce or complain; never simulator ones.
    for (const event of out) {
      const reason =
        event.eventType === 'Bounce'
          ? 'BOUNCE'
          : event.eventType === 'Complaint'
            ? 'COMPLAINT'
            : undefined;
      if (reason === undefined || !context.suppressionList.autoReasons.includes(reason)) continue;
      for (const address of event.recipients) {
        if (simulatorOutcome(address) !== undefined || context.suppressionList.get(address))
          continue;
        context.suppressionList.put({
          emailAddress: address,
          reason,
          lastUpdateTime: now,
          messageId: message.messageId,
        });
      }
    }

    // Published after the SendEmail answer, in order, as SES does a moment later.
    const publishing = (async () => {
      await Promise.resolve();
      for (const event of out) {
        for (const topic of event.topics) {
          await context.sns.publish(topic, JSON.stringify(event.record), {
            subject: 'Amazon SES Email Event Notification',
            sesMessageId: message.messageId,
          });
        }
      }
    })();
    context.sns.track(publishing).catch(() => undefined);
  };

  return {
    onAccepted,
    eventsFor: (id) => (events.get(id) ?? []).map((e) => ({ ...e })),
    messageIds: () => [...events.keys()],
    clear: () => events.clear(),
  };
}
