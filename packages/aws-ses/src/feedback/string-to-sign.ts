import type { SnsEnvelope } from './sns-envelope.js';

// The fields SNS signs, in the fixed order its documentation gives: each name, a newline, the
// value, a newline. Subject is signed only when present; nothing else may be added.
const notificationFields = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const confirmationFields = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
];

/** The exact string SNS signed for this message. */
export function snsStringToSign(envelope: SnsEnvelope): string {
  const fields = envelope.Type === 'Notification' ? notificationFields : confirmationFields;
  const values = envelope as unknown as Record<string, string | undefined>;
  let result = '';
  for (const field of fields) {
    const value = values[field];
    if (value === undefined) continue;
    result += `${field}\n${value}\n`;
  }
  return result;
}
