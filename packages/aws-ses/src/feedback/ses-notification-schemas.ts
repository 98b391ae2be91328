import { lazySchema, type Zod } from '@org/connector-core';
import type { z } from 'zod';

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

export type Schemas = ReturnType<typeof buildSchemas>;

/** The schemas of SES event-publishing and notification records, by record type. */
export const schemas = lazySchema(buildSchemas);

export type SesEventType = keyof Schemas['eventSchemas'];
