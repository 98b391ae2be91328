import {
  type BounceKind,
  createDeliveryEvent,
  type DeliveryEvent,
  lazySchema,
  type Zod,
} from '@org/connector-core';
import type { z } from 'zod';
import { awsSesProvider } from '../metadata.js';
import { FeedbackError } from './feedback-error.js';

// Built on the first record parsed: importing the feedback entry loads no zod.
function buildSchemas(z: Zod) {
  const str = z.string().max(10_000);
  const address = z.string().min(1).max(320);
  // SES sends at most 50 recipients per message; anything far past that is not from SES.
  const recipients = <T extends z.ZodType>(item: T) => z.array(item).max(1_000);

  const mailSchema = z.looseObject({
    messageId: z.string().min(1).max(256),
    timestamp: str.optional(),
    destination: recipients(address).optional(),
    // Event publishing: { name: [values] }. Identity notifications have none.
    tags: z.record(z.string().max(256), z.array(z.string().max(256)).max(50)).optional(),
  });

  const bounceSchema = z.looseObject({
    bounceType: str,
    bounceSubType: str.optional(),
    timestamp: str.optional(),
    bouncedRecipients: recipients(
      z.looseObject({
        emailAddress: address,
        status: str.optional(),
        diagnosticCode: str.optional(),
      }),
    ),
  });

  const complaintSchema = z.looseObject({
    timestamp: str.optional(),
    complaintFeedbackType: str.optional(),
    complainedRecipients: recipients(z.looseObject({ emailAddress: address })),
  });

  const deliverySchema = z.looseObject({
    timestamp: str.optional(),
    recipients: recipients(address),
    smtpResponse: str.optional(),
    processingTimeMillis: z.number().finite().optional(),
  });

  const delaySchema = z.looseObject({
    timestamp: str.optional(),
    delayType: str.optional(),
    expirationTime: str.optional(),
    delayedRecipients: recipients(
      z.looseObject({
        emailAddress: address,
        status: str.optional(),
        diagnosticCode: str.optional(),
      }),
    ),
  });

  const openSchema = z.looseObject({
    timestamp: str.optional(),
    ipAddress: str.optional(),
    userAgent: str.optional(),
  });
  const clickSchema = openSchema.extend({ link: str });
  const rejectSchema = z.looseObject({ reason: str.optional() });
  const failureSchema = z.looseObject({
    templateName: str.optional(),
    errorMessage: str.optional(),
  });

  /** SES's event-publishing `eventType` (configuration sets) and the parts each one carries. */
  const eventSchemas = {
    Send: z.looseObject({ mail: mailSchema }),
    Delivery: z.looseObject({ mail: mailSchema, delivery: deliverySchema }),
    Bounce: z.looseObject({ mail: mailSchema, bounce: bounceSchema }),
    Complaint: z.looseObject({ mail: mailSchema, complaint: complaintSchema }),
    Reject: z.looseObject({ mail: mailSchema, reject: rejectSchema }),
    DeliveryDelay: z.looseObject({ mail: mailSchema, deliveryDelay: delaySchema }),
    Open: z.looseObject({ mail: mailSchema, open: openSchema }),
    Click: z.looseObject({ mail: mailSchema, click: clickSchema }),
    'Rendering Failure': z.looseObject({ mail: mailSchema, failure: failureSchema }),
  } as const;
  return {
    mailSchema,
    bounceSchema,
    complaintSchema,
    deliverySchema,
    delaySchema,
    openSchema,
    clickSchema,
    rejectSchema,
    failureSchema,
    eventSchemas,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;

const schemas = lazySchema(buildSchemas);

type SesEventType = keyof Schemas['eventSchemas'];

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
