import { lazySchema } from '@org/connector-core';
import type { z } from 'zod';
import { FeedbackError } from './feedback-error.js';

/** The SNS message types an HTTP(S) subscription receives. */
export type SnsMessageType =
  | 'Notification'
  | 'SubscriptionConfirmation'
  | 'UnsubscribeConfirmation';

// Built on the first message parsed: importing the feedback entry loads no zod.
const envelopeSchema = lazySchema((z) => {
  const text = z.string().max(300_000);
  const short = z.string().min(1).max(2_048);

  const common = {
    MessageId: short,
    TopicArn: short,
    Message: text,
    Timestamp: short,
    SignatureVersion: short,
    Signature: z.string().min(1).max(4_096),
    SigningCertURL: short,
  };

  const notificationSchema = z.object({
    ...common,
    Type: z.literal('Notification'),
    Subject: z.string().max(1_024).optional(),
    UnsubscribeURL: short.optional(),
  });

  const confirmationSchema = z.object({
    ...common,
    Type: z.enum(['SubscriptionConfirmation', 'UnsubscribeConfirmation']),
    Token: short,
    SubscribeURL: short,
  });

  return z.discriminatedUnion('Type', [notificationSchema, confirmationSchema]);
});

/** A parsed SNS HTTP(S) message. Fields are exactly as SNS sent them (needed for the signature). */
export type SnsEnvelope = z.infer<typeof envelopeSchema>;

/** The largest body accepted: SNS messages are at most 256 KiB, plus the envelope and escaping. */
export const maxSnsBodyBytes = 1024 * 1024;

/**
 * Parses an SNS request body. Anything else, however malformed, is an `invalid_body` or
 * `invalid_envelope` FeedbackError; nothing here throws another kind of error.
 */
export function parseSnsEnvelope(body: string): SnsEnvelope {
  if (typeof body !== 'string' || body.length === 0) {
    throw new FeedbackError(
      'invalid_body',
      'The request body is empty; SNS posts a JSON document.',
    );
  }
  if (body.length > maxSnsBodyBytes) {
    throw new FeedbackError(
      'invalid_body',
      `The request body is ${body.length} characters long; SNS messages are never larger than ${maxSnsBodyBytes}.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new FeedbackError('invalid_body', 'The request body is not JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new FeedbackError('invalid_body', 'The request body is not a JSON object.');
  }
  const type = (json as { Type?: unknown }).Type;
  if (
    type !== 'Notification' &&
    type !== 'SubscriptionConfirmation' &&
    type !== 'UnsubscribeConfirmation'
  ) {
    throw new FeedbackError(
      'invalid_envelope',
      'The body is not an SNS message: Type must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation. With raw message delivery on, SNS sends no signature: turn it off for this subscription.',
    );
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [
      ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)')),
    ];
    throw new FeedbackError(
      'invalid_envelope',
      `The SNS ${type} message has missing or malformed fields: ${fields.slice(0, 10).join(', ')}.`,
    );
  }
  return parsed.data;
}
