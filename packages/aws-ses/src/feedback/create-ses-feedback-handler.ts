import {
  applyDeliveryEvent,
  type DeliveryEvent,
  type SuppressionEntry,
  type SuppressionStore,
} from '@org/connector-core';
import {
  type CertificateCache,
  type CertificateFetch,
  createCertificateCache,
} from './certificate-cache.js';
import { FeedbackError } from './feedback-error.js';
import { parseSesNotification } from './parse-ses-notification.js';
import { createSeenMessageIds } from './seen-message-ids.js';
import { maxSnsBodyBytes, parseSnsEnvelope, type SnsEnvelope } from './sns-envelope.js';
import { isAwsSnsUrl, type SnsUrlPolicy, trustedSnsUrl } from './trusted-sns-url.js';
import { type SnsSignatureVersion, verifySnsSignature } from './verify-sns-signature.js';

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
// SNS retries an HTTP delivery for up to an hour by default; a clock may run a little ahead.
const defaultMaxAgeMs = 60 * 60 * 1000;
const maxClockSkewMs = 5 * 60 * 1000;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function assertOptions(options: SesFeedbackHandlerOptions): void {
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

/**
 * A framework-neutral endpoint for SNS HTTP(S) subscriptions carrying SES feedback. Each message
 * is checked in this order, cheapest first: envelope shape, topic allow-list, signature version,
 * freshness, SigningCertURL host, signature; then a duplicate MessageId is acknowledged without
 * effect, a SubscriptionConfirmation is confirmed only when opted in, and a Notification becomes
 * `DeliveryEvent`s, whose hard bounces and complaints go to the suppression store.
 */
export function createSesFeedbackHandler(options: SesFeedbackHandlerOptions): SesFeedbackHandler {
  assertOptions(options);
  const now = options.now ?? Date.now;
  const topics = new Set(options.topicArns);
  const urlPolicy = options.unsafeTrustedUrl ?? isAwsSnsUrl;
  const signatureVersions = options.signatureVersions ?? (['1', '2'] as const);
  const maxAgeMs = options.maxMessageAgeMs ?? defaultMaxAgeMs;
  const certificates =
    options.certificates ??
    createCertificateCache({
      now,
      ...(options.fetchCertificate ? { fetch: options.fetchCertificate } : {}),
    });
  const seen = createSeenMessageIds(
    options.maxRememberedMessages ?? 10_000,
    maxAgeMs + maxClockSkewMs,
    now,
  );
  const inFlight = new Map<string, Promise<FeedbackOutcome>>();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  const checkFreshness = (envelope: SnsEnvelope): void => {
    const sent = Date.parse(envelope.Timestamp);
    if (!Number.isFinite(sent)) {
      throw new FeedbackError('invalid_envelope', 'The SNS Timestamp is not an ISO 8601 time.');
    }
    const age = now() - sent;
    if (age > maxAgeMs || age < -maxClockSkewMs) {
      throw new FeedbackError(
        'stale_message',
        `The SNS message was sent at ${new Date(sent).toISOString()}, outside the accepted window of ${Math.round(maxAgeMs / 1000)} s: refused as a replay.`,
      );
    }
  };

  const confirm = async (envelope: SnsEnvelope & { SubscribeURL: string }): Promise<void> => {
    const url = trustedSnsUrl(envelope.SubscribeURL, 'SubscribeURL', urlPolicy);
    let response: Response;
    try {
      response = await doFetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
      await response.text();
    } catch (error) {
      throw new FeedbackError(
        'confirmation_failed',
        `Visiting the SubscribeURL on ${url.host} failed.`,
        { cause: error },
      );
    }
    if (!response.ok) {
      throw new FeedbackError(
        'confirmation_failed',
        `The SubscribeURL on ${url.host} answered HTTP ${response.status}.`,
      );
    }
  };

  const act = async (envelope: SnsEnvelope): Promise<FeedbackOutcome> => {
    const ids = { messageId: envelope.MessageId, topicArn: envelope.TopicArn };
    if (envelope.Type !== 'Notification') {
      const subscribeUrl = trustedSnsUrl(envelope.SubscribeURL, 'SubscribeURL', urlPolicy).href;
      await options.onSubscription?.({
        type: envelope.Type,
        topicArn: envelope.TopicArn,
        subscribeUrl,
      });
      if (envelope.Type === 'UnsubscribeConfirmation') return { status: 'unsubscribed', ...ids };
      if (options.confirmSubscriptions !== true) return { status: 'unconfirmed', ...ids };
      await confirm(envelope);
      return { status: 'confirmed', ...ids };
    }
    let events: DeliveryEvent[];
    try {
      events = parseSesNotification(envelope.Message);
    } catch (error) {
      // Authentic, but not SES feedback (e.g. a test message published by hand): acknowledged,
      // so SNS does not retry it, and reported.
      if (FeedbackError.isInstance(error)) {
        options.onError?.(error);
        return { status: 'ignored', ...ids, reason: error.message };
      }
      throw error;
    }
    const suppressed: SuppressionEntry[] = [];
    try {
      if (options.suppressionStore) {
        for (const event of events) {
          const entry = await applyDeliveryEvent(options.suppressionStore, event);
          if (entry) suppressed.push(entry);
        }
      }
      if (events.length > 0) await options.onEvents?.(events, ids);
    } catch (error) {
      throw new FeedbackError(
        'processing_failed',
        'Storing the delivery events failed; SNS will deliver them again.',
        {
          cause: error,
        },
      );
    }
    return { status: 'processed', ...ids, events, suppressed };
  };

  const process = async (body: string, headers?: Headers): Promise<FeedbackOutcome> => {
    const envelope = parseSnsEnvelope(body);
    const headerType = headers?.get('x-amz-sns-message-type');
    if (headerType && headerType !== envelope.Type) {
      throw new FeedbackError(
        'invalid_envelope',
        'The x-amz-sns-message-type header does not match the body Type.',
      );
    }
    if (!topics.has(envelope.TopicArn)) {
      throw new FeedbackError(
        'topic_not_allowed',
        `The topic ${JSON.stringify(envelope.TopicArn.slice(0, 300))} is not in this handler's topicArns.`,
      );
    }
    if (!signatureVersions.includes(envelope.SignatureVersion as SnsSignatureVersion)) {
      throw new FeedbackError(
        'unsupported_signature_version',
        `SignatureVersion ${JSON.stringify(envelope.SignatureVersion.slice(0, 20))} is not accepted; this handler accepts ${signatureVersions.join(' and ')}.`,
      );
    }
    checkFreshness(envelope);
    await verifySnsSignature(envelope, { certificates, urlPolicy, signatureVersions });

    const key = `${envelope.TopicArn}\n${envelope.MessageId}`;
    if (seen.has(key))
      return { status: 'duplicate', messageId: envelope.MessageId, topicArn: envelope.TopicArn };
    // Two deliveries of one message at once: the second waits for the first and counts as a duplicate.
    const running = inFlight.get(key);
    if (running) {
      await running.catch(() => {});
      return { status: 'duplicate', messageId: envelope.MessageId, topicArn: envelope.TopicArn };
    }
    const work = act(envelope);
    inFlight.set(key, work);
    try {
      const outcome = await work;
      // Only a handled message is remembered: a failure must stay retryable.
      seen.add(key);
      return outcome;
    } finally {
      inFlight.delete(key);
    }
  };

  const toResponse = (outcome: FeedbackOutcome): Response => {
    if (outcome.status !== 'processed') return json(200, outcome);
    return json(200, {
      ...outcome,
      events: outcome.events.length,
      suppressed: outcome.suppressed.length,
    });
  };

  const handler = async (request: Request): Promise<Response> => {
    try {
      if (request.method !== 'POST') {
        return new Response(null, { status: 405, headers: { allow: 'POST' } });
      }
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > maxSnsBodyBytes) {
        throw new FeedbackError('invalid_body', 'The request body is larger than any SNS message.');
      }
      const body = await request.text();
      return toResponse(await process(body, request.headers));
    } catch (caught) {
      const error = FeedbackError.isInstance(caught)
        ? caught
        : new FeedbackError('processing_failed', 'The feedback handler failed unexpectedly.', {
            cause: caught,
          });
      try {
        options.onError?.(error);
      } catch {
        // Observability must never change the answer.
      }
      return json(error.status, { error: error.code, message: error.message });
    }
  };

  return Object.assign(handler, { process });
}
