import type { DeliveryEvent, SuppressionEntry, SuppressionStore } from '@org/connector-core';
import type { CertificateCache, CertificateFetch } from './certificate-cache.js';
import type { FeedbackError } from './feedback-error.js';
import type { SnsUrlPolicy } from './trusted-sns-url.js';
import type { SnsSignatureVersion } from './verify-sns-signature.js';

/** What the handler did with one request (the JSON body of its 2xx answers). */
export type FeedbackOutcome =
  | {
      status: 'processed';
      messageId: string;
      topicArn: string;
      events: DeliveryEvent[];
      suppressed: SuppressionEntry[];
    }
  | { status: 'duplicate'; messageId: string; topicArn: string }
  | { status: 'ignored'; messageId: string; topicArn: string; reason: string }
  | { status: 'confirmed' | 'unconfirmed' | 'unsubscribed'; messageId: string; topicArn: string };

export interface SubscriptionInfo {
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  topicArn: string;
  /** Visit it (GET) to confirm; already checked against the URL policy. */
  subscribeUrl: string;
}

export interface SesFeedbackHandlerOptions {
  /** The SNS topics this endpoint accepts; every other topic is refused (403). Required. */
  topicArns: readonly string[];
  /** Hard bounces and complaints are written here, so the connector refuses the next send. */
  suppressionStore?: SuppressionStore;
  /** Receives the events of each verified notification. A throw answers 500, so SNS retries. */
  onEvents?: (
    events: DeliveryEvent[],
    outcome: { messageId: string; topicArn: string },
  ) => void | Promise<void>;
  /** Observability: every refusal, with its typed error. Never receives a body. */
  onError?: (error: FeedbackError) => void;
  /**
   * Confirm SubscriptionConfirmation messages of allowed topics by visiting their SubscribeURL.
   * Default `false`: the message is verified and reported to `onSubscription`, and nothing is
   * fetched; confirm it yourself (console, CLI) or opt in here.
   */
  confirmSubscriptions?: boolean;
  /** Told of verified (Un)SubscriptionConfirmation messages of allowed topics. */
  onSubscription?: (info: SubscriptionInfo) => void | Promise<void>;
  /** Accepted SignatureVersion values. Default both; set `['2']` when the topic signs with SHA256. */
  signatureVersions?: readonly SnsSignatureVersion[];
  /** Messages whose Timestamp is older than this are refused as replays. Default 1 hour. */
  maxMessageAgeMs?: number;
  /** MessageIds remembered to drop redeliveries. Default 10 000. */
  maxRememberedMessages?: number;
  /** Certificates are cached per URL; share one cache between handlers, or tune it. */
  certificates?: CertificateCache;
  /** How certificates are fetched (default: global `fetch`, no redirects, 5 s limit). */
  fetchCertificate?: CertificateFetch;
  /** How the SubscribeURL is visited (default: global `fetch`, no redirects). */
  fetch?: typeof fetch;
  /**
   * UNSAFE, for tests against a mock only: replaces the check that SigningCertURL and SubscribeURL
   * are https on `sns.<region>.amazonaws.com`. Whoever passes this check can sign messages.
   */
  unsafeTrustedUrl?: SnsUrlPolicy;
  /** Clock (ms since epoch). Default `Date.now`. */
  now?: () => number;
}

export interface SesFeedbackHandler {
  /** Answers one SNS HTTP(S) POST: 200 when handled (or a duplicate), 4xx refused, 5xx retry. */
  (request: Request): Promise<Response>;
  /** The same, without HTTP: resolves the outcome or rejects with a FeedbackError. */
  process(body: string, headers?: Headers): Promise<FeedbackOutcome>;
}

const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** Refuses malformed handler options when the handler is created, before any request. */
export function assertOptions(options: SesFeedbackHandlerOptions): void {
  const topics = (options as { topicArns?: unknown }).topicArns;
  if (!Array.isArray(topics) || topics.length === 0) {
    throw new TypeError(
      'createSesFeedbackHandler: topicArns must list the SNS topic ARNs this endpoint accepts, e.g. ["arn:aws:sns:us-east-1:123456789012:ses-feedback"].',
    );
  }
  for (const arn of topics) {
    if (typeof arn !== 'string' || !topicArnPattern.test(arn)) {
      throw new TypeError(
        `createSesFeedbackHandler: ${JSON.stringify(arn)} is not an SNS topic ARN.`,
      );
    }
  }
  const versions = options.signatureVersions;
  if (
    versions !== undefined &&
    (versions.length === 0 || versions.some((v) => v !== '1' && v !== '2'))
  ) {
    throw new TypeError('createSesFeedbackHandler: signatureVersions holds "1" and/or "2".');
  }
  const age = options.maxMessageAgeMs;
  if (age !== undefined && !(Number.isFinite(age) && age > 0)) {
    throw new TypeError('createSesFeedbackHandler: maxMessageAgeMs must be a positive number.');
  }
}
