import { applyDeliveryEvent, type DeliveryEvent, type SuppressionEntry } from '@org/connector-core';
import { createCertificateCache } from './certificate-cache.js';
import { FeedbackError } from './feedback-error.js';
import {
  assertOptions,
  type FeedbackOutcome,
  type SesFeedbackHandler,
  type SesFeedbackHandlerOptions,
} from './feedback-handler-options.js';
import { parseSesNotification } from './parse-ses-notification.js';
import { createSeenMessageIds } from './seen-message-ids.js';
import { maxSnsBodyBytes, parseSnsEnvelope, type SnsEnvelope } from './sns-envelope.js';
import { isAwsSnsUrl, trustedSnsUrl } from './trusted-sns-url.js';
import { type SnsSignatureVersion, verifySnsSignature } from './verify-sns-signature.js';

// SNS retries an HTTP delivery for up to an hour by default; a clock may run a little ahead.
const defaultMaxAgeMs = 60 * 60 * 1000;
const maxClockSkewMs = 5 * 60 * 1000;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
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
