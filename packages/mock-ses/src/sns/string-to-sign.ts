// SNS's signed fields, in its documented order; Subject only when present. The mock keeps its
// own copy (rather than importing the connector's) so that the two are checked against each other.
const fieldsByType = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: [
    'Message',
    'MessageId',
    'SubscribeURL',
    'Timestamp',
    'Token',
    'TopicArn',
    'Type',
  ],
  UnsubscribeConfirmation: [
    'Message',
    'MessageId',
    'SubscribeURL',
    'Timestamp',
    'Token',
    'TopicArn',
    'Type',
  ],
} as const;

export function stringToSign(message: Record<string, string | undefined>): string {
  const fields =
    fieldsByType[message.Type as keyof typeof fieldsByType] ?? fieldsByType.Notification;
  return fields
    .filter((field) => message[field] !== undefined)
    .map((field) => `${field}\n${message[field]}\n`)
    .join('');
}
