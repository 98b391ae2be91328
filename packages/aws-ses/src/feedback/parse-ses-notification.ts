import { type BounceKind, createDeliveryEvent, type DeliveryEvent } from '@org/connector-core';
import type { z } from 'zod';
import { awsSesProvider } from '../metadata.js';
import { FeedbackError } from './feedback-error.js';
import { type Schemas, type SesEventType, schemas } from './ses-notification-schemas.js';

// Records that carry no delivery feedback: list subscriptions, and the test message SES
// publishes when a topic is attached to an identity.
const ignoredTypes = new Set(['Subscription', 'AmazonSnsSubscriptionSucceeded']);

function bounceKind(bounceType: string): BounceKind {
  if (bounceType === 'Permanent') return 'hard';
  if (bounceType === 'Transient') return 'soft';
  return 'undetermined';
}

function firstTags(tags: Record<string, string[]> | undefined): Record<string, string> | undefined {
  if (!tags) return undefined;
  const result: Record<string, string> = {};
  for (const [name, values] of Object.entries(tags)) {
    if (values[0] !== undefined) result[name] = values[0];
  }
  return result;
}

function isoTime(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    if (candidate !== undefined && Number.isFinite(Date.parse(candidate))) {
      return new Date(Date.parse(candidate)).toISOString();
    }
  }
  throw new FeedbackError('invalid_ses_event', 'The SES record has no valid timestamp.');
}

function invalid(type: string, error: z.ZodError): FeedbackError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(root)'))];
  return new FeedbackError(
    'invalid_ses_event',
    `The SES ${type} record has missing or malformed fields: ${fields.slice(0, 10).join(', ')}.`,
  );
}

/**
 * Turns the `Message` of an SES notification (event publishing through a configuration set, or
 * an identity's bounce/complaint/delivery notification) into one `DeliveryEvent` per recipient.
 * Records without feedback (subscriptions, SES's setup test) give `[]`. Malformed input of any
 * shape is an `invalid_ses_event` FeedbackError.
 */
export function parseSesNotification(message: string): DeliveryEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    throw new FeedbackError('invalid_ses_event', 'The SNS Message is not JSON: not an SES record.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new FeedbackError('invalid_ses_event', 'The SNS Message is not a JSON object.');
  }
  const record = json as { eventType?: unknown; notificationType?: unknown };
  const type = record.eventType ?? record.notificationType;
  if (typeof type !== 'string') {
    throw new FeedbackError(
      'invalid_ses_event',
      'The SNS Message has neither eventType nor notificationType: not an SES record.',
    );
  }
  if (ignoredTypes.has(type)) return [];
  if (!Object.hasOwn(schemas.eventSchemas, type)) {
    throw new FeedbackError(
      'invalid_ses_event',
      `Unknown SES event type ${JSON.stringify(type.slice(0, 40))}.`,
    );
  }
  const sesType = type as SesEventType;
  const parsed = schemas.eventSchemas[sesType].safeParse(json);
  if (!parsed.success) throw invalid(sesType, parsed.error);
  return toEvents(sesType, parsed.data as Parsed, json);
}

type Parsed = {
  mail: z.infer<Schemas['mailSchema']>;
  delivery?: z.infer<Schemas['deliverySchema']>;
  bounce?: z.infer<Schemas['bounceSchema']>;
  complaint?: z.infer<Schemas['complaintSchema']>;
  reject?: z.infer<Schemas['rejectSchema']>;
  deliveryDelay?: z.infer<Schemas['delaySchema']>;
  open?: z.infer<Schemas['openSchema']>;
  click?: z.infer<Schemas['clickSchema']>;
  failure?: z.infer<Schemas['failureSchema']>;
};

function toEvents(type: SesEventType, parsed: Parsed, raw: unknown): DeliveryEvent[] {
  const { mail } = parsed;
  const tags = firstTags(mail.tags);
  const base = (recipient: string, ...times: (string | undefined)[]) => ({
    provider: awsSesProvider,
    messageId: mail.messageId,
    recipient,
    timestamp: isoTime(...times, mail.timestamp),
    ...(tags === undefined ? {} : { tags }),
  });
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  const destination = mail.destination ?? [];

  switch (type) {
    case 'Send':
      return destination.map((to) => createDeliveryEvent({ ...base(to), type: 'sent' }, raw));
    case 'Delivery': {
      const d = parsed.delivery!;
      return d.recipients.map((to) =>
        createDeliveryEvent(
          {
            ...base(to, d.timestamp),
            type: 'delivered',
            ...optional('smtpResponse', d.smtpResponse),
            ...optional('processingTimeMs', d.processingTimeMillis),
          },
          raw,
        ),
      );
    }
    case 'Bounce': {
      const b = parsed.bounce!;
      return b.bouncedRecipients.map((r) =>
        createDeliveryEvent(
          {
            ...base(r.emailAddress, b.timestamp),
            type: 'bounced',
            bounceKind: bounceKind(b.bounceType),
            bounceType: b.bounceType,
            ...optional('bounceSubType', b.bounceSubType),
            ...optional('status', r.status),
            ...optional('diagnostic', r.diagnosticCode),
          },
          raw,
        ),
      );
    }
    case 'Complaint': {
      const c = parsed.complaint!;
      return c.complainedRecipients.map((r) =>
        createDeliveryEvent(
          {
            ...base(r.emailAddress, c.timestamp),
            type: 'complained',
            ...optional('feedbackType', c.complaintFeedbackType),
          },
          raw,
        ),
      );
    }
    case 'Reject':
      return destination.map((to) =>
        createDeliveryEvent(
          { ...base(to), type: 'rejected', ...optional('reason', parsed.reject!.reason) },
          raw,
        ),
      );
    case 'DeliveryDelay': {
      const d = parsed.deliveryDelay!;
      return d.delayedRecipients.map((r) =>
        createDeliveryEvent(
          {
            ...base(r.emailAddress, d.timestamp),
            type: 'delayed',
            ...optional('delayType', d.delayType),
            ...optional('status', r.status),
            ...optional('diagnostic', r.diagnosticCode),
            ...optional(
              'expiresAt',
              d.expirationTime !== undefined && Number.isFinite(Date.parse(d.expirationTime))
                ? new Date(Date.parse(d.expirationTime)).toISOString()
                : undefined,
            ),
          },
          raw,
        ),
      );
    }
    case 'Open': {
      const o = parsed.open!;
      return destination.map((to) =>
        createDeliveryEvent(
          {
            ...base(to, o.timestamp),
            type: 'opened',
            ...optional('ipAddress', o.ipAddress),
            ...optional('userAgent', o.userAgent),
          },
          raw,
        ),
      );
    }
    case 'Click': {
      const c = parsed.click!;
      return destination.map((to) =>
        createDeliveryEvent(
          {
            ...base(to, c.timestamp),
            type: 'clicked',
            link: c.link,
            ...optional('ipAddress', c.ipAddress),
            ...optional('userAgent', c.userAgent),
          },
          raw,
        ),
      );
    }
    case 'Rendering Failure': {
      const f = parsed.failure!;
      return destination.map((to) =>
        createDeliveryEvent(
          {
            ...base(to),
            type: 'rendering_failed',
            ...optional('templateName', f.templateName),
            ...optional('errorMessage', f.errorMessage),
          },
          raw,
        ),
      );
    }
  }
}
