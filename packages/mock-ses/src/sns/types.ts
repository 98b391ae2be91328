/** SNS signature versions: `1` SHA1withRSA (the SNS default), `2` SHA256withRSA. */
export type SnsSignatureVersion = '1' | '2';

export interface MockSnsOptions {
  /**
   * Where the signing certificate and the Subscribe/Unsubscribe URLs are served. Default
   * `https://sns.<region>.amazonaws.com` (answered by the msw handlers); the node server uses
   * `<server url>/_sns` unless this is set.
   */
  publicUrl?: string;
  /** Signature version of topics without their own. Default `1`, as SNS topics. */
  signatureVersion?: SnsSignatureVersion;
  /** How notifications are POSTed to subscribers. Default: the global `fetch` (msw intercepts it). */
  fetch?: typeof fetch;
}

export type SnsSubscriptionStatus = 'PendingConfirmation' | 'Confirmed';

export interface MockSnsSubscription {
  subscriptionArn: string;
  topicArn: string;
  /** The subscriber's http(s) URL. */
  endpoint: string;
  status: SnsSubscriptionStatus;
  signatureVersion: SnsSignatureVersion;
}

/** One POST the mock made to a subscriber. */
export interface SnsDelivery {
  /** The SNS MessageId. */
  messageId: string;
  type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  topicArn: string;
  endpoint: string;
  /** ISO 8601. */
  time: string;
  /** The subscriber's HTTP status, absent when the request failed. */
  status?: number;
  /** Why the request failed (connection refused, …). */
  error?: string;
  /** The SES message the notification is about, for event notifications. */
  sesMessageId?: string;
}

export interface SignMessageInput {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  TopicArn: string;
  Message: string;
  MessageId?: string;
  Subject?: string;
  /** ISO 8601; default now. */
  Timestamp?: string;
  Token?: string;
  SubscribeURL?: string;
  UnsubscribeURL?: string;
}

/** The mock's SNS side: HTTP(S) subscriptions and signed deliveries. */
export interface MockSns {
  /** The base URL the certificate and the confirmation links use. */
  readonly publicUrl: string;
  /**
   * Subscribes an http(s) endpoint: SNS POSTs a SubscriptionConfirmation to it, and delivers
   * notifications only after its SubscribeURL is visited. Resolves once that POST was answered.
   */
  subscribe(
    topicArn: string,
    endpoint: string,
    options?: { signatureVersion?: SnsSignatureVersion },
  ): Promise<MockSnsSubscription>;
  /** What visiting the SubscribeURL does; false for an unknown token. */
  confirm(token: string): MockSnsSubscription | undefined;
  /** What visiting the UnsubscribeURL does: removes it and POSTs an UnsubscribeConfirmation. */
  unsubscribe(subscriptionArn: string): Promise<boolean>;
  subscriptions(): MockSnsSubscription[];
  /** Publishes to every confirmed subscription of the topic; resolves when all were answered. */
  publish(
    topicArn: string,
    message: string,
    options?: { subject?: string; sesMessageId?: string },
  ): Promise<void>;
  /** Every POST made so far. */
  deliveries(): SnsDelivery[];
  /** Resolves when no delivery is in flight (events are published just after a send). */
  idle(): Promise<void>;
  /** A complete, signed SNS message, for tests that need to alter one. */
  signMessage(
    input: SignMessageInput,
    signatureVersion?: SnsSignatureVersion,
  ): Promise<Record<string, string>>;
  /** The signing certificate (PEM) and its URL. */
  certificate(): Promise<{ url: string; pem: string; caPem: string }>;
}

/** One SES event about one message, as the outbox page and `mock.feedback` show it. */
export interface MockFeedbackEvent {
  /** SES's `eventType`: `Send`, `Delivery`, `Bounce`, `Complaint`. */
  eventType: 'Send' | 'Delivery' | 'Bounce' | 'Complaint';
  /** ISO 8601. */
  timestamp: string;
  recipients: string[];
  /** E.g. `Permanent/General: smtp; 550 5.1.1 user unknown`, `auto-reply (out of the office)`. */
  detail?: string;
  /** SNS topics the event was published to (through the message's configuration set). */
  topics: string[];
  /** The full SES event-publishing record. */
  record: Record<string, unknown>;
}

export interface MockFeedback {
  /** The events of one message, in order. */
  eventsFor(messageId: string): MockFeedbackEvent[];
  /** Every message id with events, oldest first. */
  messageIds(): string[];
  clear(): void;
}
