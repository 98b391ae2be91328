import { createMemorySuppressionStore, type DeliveryEvent } from '@org/connector-core';
import { useMockSes } from '@org/mock-ses/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { sesRecords } from '../../test/ses-records.js';
import { createCertificateCache } from './certificate-cache.js';
import { createSesFeedbackHandler } from './create-ses-feedback-handler.js';
import type { FeedbackError } from './feedback-error.js';
import type { SesFeedbackHandlerOptions } from './feedback-handler-options.js';

const mock = useMockSes();
const topicArn = 'arn:aws:sns:us-east-1:123456789012:ses-feedback';

function handlerWith(options: Partial<SesFeedbackHandlerOptions> = {}) {
  const events: DeliveryEvent[] = [];
  const errors: FeedbackError[] = [];
  const handler = createSesFeedbackHandler({
    topicArns: [topicArn],
    onEvents: (batch) => {
      events.push(...batch);
    },
    onError: (error) => errors.push(error),
    ...options,
  });
  return { handler, events, errors };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('https://app.test/ses-feedback', {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const notification = (
  record: unknown = sesRecords.hardBounce,
  version: '1' | '2' = '1',
  extra = {},
) =>
  mock.sns.signMessage(
    {
      Type: 'Notification',
      TopicArn: topicArn,
      Message: JSON.stringify(record),
      Subject: 'Amazon SES Email Event Notification',
      ...extra,
    },
    version,
  );

async function answer(handler: (r: Request) => Promise<Response>, body: unknown) {
  const response = await handler(post(body));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('createSesFeedbackHandler: signatures', () => {
  it('accepts messages signed with SignatureVersion 1 (SHA1) and 2 (SHA256)', async () => {
    const { handler, events } = handlerWith();
    for (const version of ['1', '2'] as const) {
      const result = await answer(handler, await notification(sesRecords.hardBounce, version));
      expect(result).toMatchObject({ status: 200, body: { status: 'processed', events: 1 } });
    }
    expect(events.map((e) => e.type)).toEqual(['bounced', 'bounced']);
  });

  it('refuses a tampered body', async () => {
    const { handler, events } = handlerWith();
    const signed = await notification(sesRecords.delivery);
    const tampered = { ...signed, Message: JSON.stringify(sesRecords.hardBounce) };
    expect(await answer(handler, tampered)).toMatchObject({
      status: 403,
      body: { error: 'invalid_signature' },
    });
    // A field outside the signed set does not help either: Subject is signed when present.
    expect(await answer(handler, { ...signed, Subject: 'other' })).toMatchObject({
      status: 403,
      body: { error: 'invalid_signature' },
    });
    expect(events).toEqual([]);
  });

  it('refuses certificate URLs off sns.<region>.amazonaws.com, before fetching them', async () => {
    let fetched = 0;
    mock.server.use(
      http.get(/evil/, () => {
        fetched++;
        return new HttpResponse('-----BEGIN CERTIFICATE-----', { status: 200 });
      }),
    );
    const { handler } = handlerWith();
    const signed = await notification();
    for (const url of [
      'https://evil.example/SimpleNotificationService-1.pem',
      'https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-1.pem',
      'http://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem',
      'https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-1.pem',
      'https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem',
      'https://sns.us-east-1.amazonaws.com/evil.txt',
      'not a url',
    ]) {
      expect(await answer(handler, { ...signed, SigningCertURL: url }), url).toMatchObject({
        status: 403,
        body: { error: 'untrusted_url' },
      });
    }
    expect(fetched).toBe(0);
  });

  it('refuses a signature made with another key, even with the trusted certificate URL', async () => {
    const { createMockSes } = await import('@org/mock-ses');
    const other = createMockSes();
    const forged = await other.sns.signMessage({
      Type: 'Notification',
      TopicArn: topicArn,
      Message: JSON.stringify(sesRecords.hardBounce),
    });
    const { handler } = handlerWith();
    const genuineUrl = (await mock.sns.certificate()).url;
    expect(await answer(handler, { ...forged, SigningCertURL: genuineUrl })).toMatchObject({
      status: 403,
      body: { error: 'invalid_signature' },
    });
  });

  it('refuses topics outside the allow-list without fetching anything', async () => {
    let certificateFetches = 0;
    const { handler } = handlerWith({
      fetchCertificate: async () => {
        certificateFetches++;
        return '';
      },
    });
    const other = await mock.sns.signMessage({
      Type: 'Notification',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:someone-else',
      Message: '{}',
    });
    expect(await answer(handler, other)).toMatchObject({
      status: 403,
      body: { error: 'topic_not_allowed' },
    });
    expect(certificateFetches).toBe(0);
  });

  it('defeats version downgrades: a v2 signature relabelled v1 fails, and a v2-only handler refuses v1', async () => {
    const { handler } = handlerWith();
    const v2 = await notification(sesRecords.hardBounce, '2');
    expect(await answer(handler, { ...v2, SignatureVersion: '1' })).toMatchObject({
      status: 403,
      body: { error: 'invalid_signature' },
    });
    const v2Only = handlerWith({ signatureVersions: ['2'] }).handler;
    expect(await answer(v2Only, await notification(sesRecords.hardBounce, '1'))).toMatchObject({
      status: 403,
      body: { error: 'unsupported_signature_version' },
    });
    for (const version of ['3', '0', '', 'SHA1']) {
      expect(
        (await answer(handler, { ...v2, SignatureVersion: version })).status,
      ).toBeGreaterThanOrEqual(400);
    }
  });

  it('refuses replays of old messages and ignores redeliveries of a recent one', async () => {
    const { handler, events } = handlerWith();
    const old = await notification(sesRecords.hardBounce, '1', {
      Timestamp: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
    });
    expect(await answer(handler, old)).toMatchObject({
      status: 403,
      body: { error: 'stale_message' },
    });
    const future = await notification(sesRecords.hardBounce, '1', {
      Timestamp: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    });
    expect(await answer(handler, future)).toMatchObject({
      status: 403,
      body: { error: 'stale_message' },
    });
    const fresh = await notification();
    expect((await answer(handler, fresh)).body.status).toBe('processed');
    expect((await answer(handler, fresh)).body.status).toBe('duplicate');
    const [a, b] = await Promise.all([
      answer(handler, await notification()),
      answer(handler, fresh),
    ]);
    expect([a.body.status, b.body.status]).toEqual(['processed', 'duplicate']);
    expect(events).toHaveLength(2);
  });

  it('fetches each certificate once and caches it', async () => {
    let fetches = 0;
    const certificates = createCertificateCache({
      fetch: async (url) => {
        fetches++;
        return (await fetch(url)).text();
      },
    });
    const { handler } = handlerWith({ certificates });
    for (let i = 0; i < 3; i++)
      expect((await answer(handler, await notification())).status).toBe(200);
    expect(fetches).toBe(1);
  });

  it('answers malformed bodies with 400 and a typed error', async () => {
    const { handler, errors } = handlerWith();
    expect(await answer(handler, 'not json')).toMatchObject({
      status: 400,
      body: { error: 'invalid_body' },
    });
    expect(await answer(handler, { Type: 'Notification' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_envelope' },
    });
    // Raw message delivery sends the SES record itself: no signature, refused with a hint.
    const raw = await answer(handler, sesRecords.hardBounce);
    expect(raw).toMatchObject({ status: 400, body: { error: 'invalid_envelope' } });
    expect(raw.body.message).toMatch(/raw message delivery/);
    expect(errors.map((e) => e.code)).toEqual([
      'invalid_body',
      'invalid_envelope',
      'invalid_envelope',
    ]);
    expect((await handler(new Request('https://app.test/', { method: 'GET' }))).status).toBe(405);
  });
});

describe('createSesFeedbackHandler: effects', () => {
  it('suppresses hard bounces and complaints, not soft bounces or deliveries', async () => {
    const store = createMemorySuppressionStore();
    const { handler } = handlerWith({ suppressionStore: store });
    for (const record of [
      sesRecords.delivery,
      sesRecords.softBounce,
      sesRecords.hardBounce,
      sesRecords.complaint,
    ]) {
      expect((await answer(handler, await notification(record))).status).toBe(200);
    }
    const { entries } = await store.list();
    expect(entries.map((e) => [e.address, e.reason])).toEqual([
      ['angry@example.com', 'complaint'],
      ['gone@example.com', 'bounce'],
    ]);
  });

  it('acknowledges authentic messages that are not SES feedback, and reports them', async () => {
    const { handler, errors } = handlerWith();
    const result = await answer(
      handler,
      await mock.sns.signMessage({
        Type: 'Notification',
        TopicArn: topicArn,
        Message: 'hello from the console',
      }),
    );
    expect(result).toMatchObject({ status: 200, body: { status: 'ignored' } });
    expect(errors.map((e) => e.code)).toEqual(['invalid_ses_event']);
  });

  it('answers 500 when storing fails, so SNS delivers again, and then processes the retry', async () => {
    let fail = true;
    const { handler, events } = handlerWith({
      onEvents: (batch) => {
        if (fail) throw new Error('database down');
        events.push(...batch);
      },
    });
    const signed = await notification();
    expect(await answer(handler, signed)).toMatchObject({
      status: 500,
      body: { error: 'processing_failed' },
    });
    fail = false;
    expect((await answer(handler, signed)).body.status).toBe('processed');
    expect(events).toHaveLength(1);
  });

  it('confirms subscriptions of allowed topics only when opted in', async () => {
    const endpoint = 'https://app.test/ses-feedback';
    const manual = handlerWith();
    const seen: string[] = [];
    mock.server.use(http.post(endpoint, async ({ request }) => manual.handler(request)));
    const pending = await mock.sns.subscribe(topicArn, endpoint);
    expect(pending.status).toBe('PendingConfirmation');

    const auto = handlerWith({
      confirmSubscriptions: true,
      onSubscription: (info) => void seen.push(info.type),
    });
    mock.server.use(http.post(endpoint, async ({ request }) => auto.handler(request)));
    const confirmed = await mock.sns.subscribe(topicArn, endpoint);
    expect(
      mock.sns.subscriptions().find((s) => s.subscriptionArn === confirmed.subscriptionArn)?.status,
    ).toBe('Confirmed');

    // Another topic is refused even when confirming is on: nothing is fetched.
    const stranger = await mock.sns.subscribe(
      'arn:aws:sns:us-east-1:123456789012:not-ours',
      endpoint,
    );
    expect(
      mock.sns.subscriptions().find((s) => s.subscriptionArn === stranger.subscriptionArn)?.status,
    ).toBe('PendingConfirmation');
    expect(mock.sns.deliveries().at(-1)?.status).toBe(403);

    await mock.sns.unsubscribe(confirmed.subscriptionArn);
    expect(mock.sns.deliveries().at(-1)).toMatchObject({
      type: 'UnsubscribeConfirmation',
      status: 200,
    });
    expect(seen).toEqual(['SubscriptionConfirmation', 'UnsubscribeConfirmation']);
  });

  it('refuses a SubscribeURL off the SNS host even in a genuinely signed message', async () => {
    const { handler } = handlerWith({ confirmSubscriptions: true });
    const signed = await mock.sns.signMessage({
      Type: 'SubscriptionConfirmation',
      TopicArn: topicArn,
      Message: 'confirm',
      Token: 'abc',
      SubscribeURL: 'https://evil.example/?Action=ConfirmSubscription',
    });
    expect(await answer(handler, signed)).toMatchObject({
      status: 403,
      body: { error: 'untrusted_url' },
    });
  });

  it('checks its options', () => {
    expect(() => createSesFeedbackHandler({ topicArns: [] })).toThrow(/topicArns/);
    expect(() => createSesFeedbackHandler({ topicArns: ['ses-feedback'] })).toThrow(
      /not an SNS topic ARN/,
    );
    expect(() =>
      createSesFeedbackHandler({ topicArns: [topicArn], signatureVersions: [] }),
    ).toThrow(/signatureVersions/);
  });
});
