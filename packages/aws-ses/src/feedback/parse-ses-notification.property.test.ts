import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sesRecords } from '../../test/ses-records.js';
import { createSesFeedbackHandler } from './create-ses-feedback-handler.js';
import { FeedbackError } from './feedback-error.js';
import { parseSesNotification } from './parse-ses-notification.js';
import { parseSnsEnvelope } from './sns-envelope.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);

/** Runs `fn`; passes when it returns, or throws a FeedbackError. Anything else fails the property. */
function onlyTypedErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (FeedbackError.isInstance(error)) return true;
    throw error;
  }
}

// Real records with any field replaced by any JSON value: close enough to pass the first checks.
const mutatedRecord = fc
  .tuple(
    fc.constantFrom(...Object.values(sesRecords)),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'eventType',
          'notificationType',
          'mail',
          'bounce',
          'complaint',
          'delivery',
          'click',
          'failure',
          'deliveryDelay',
        ),
        fc.jsonValue(),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([record, changes]) => {
    const copy: Record<string, unknown> = structuredClone(record) as Record<string, unknown>;
    for (const [key, value] of changes) copy[key] = value;
    return JSON.stringify(copy);
  });

describe('hostile input', () => {
  it('parseSesNotification answers events or a FeedbackError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), mutatedRecord), (message) => {
        expect(
          onlyTypedErrors(() => {
            const events = parseSesNotification(message);
            for (const event of events) {
              expect(typeof event.messageId).toBe('string');
              expect(Number.isFinite(Date.parse(event.timestamp))).toBe(true);
            }
          }),
        ).toBe(true);
      }),
      { numRuns },
    );
  });

  it('parseSnsEnvelope answers an envelope or a FeedbackError', () => {
    const envelopeLike = fc
      .record(
        {
          Type: fc.oneof(
            fc.constantFrom('Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation'),
            fc.jsonValue(),
          ),
          MessageId: fc.oneof(fc.uuid(), fc.jsonValue()),
          TopicArn: fc.oneof(fc.constant('arn:aws:sns:us-east-1:123456789012:t'), fc.jsonValue()),
          Message: fc.oneof(fc.string(), fc.jsonValue()),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), envelopeLike), (body) =>
        onlyTypedErrors(() => parseSnsEnvelope(body)),
      ),
      { numRuns },
    );
  });

  it('the handler answers 4xx for any unsigned body, and never calls onEvents', async () => {
    let called = 0;
    const handler = createSesFeedbackHandler({
      topicArns: ['arn:aws:sns:us-east-1:123456789012:t'],
      onEvents: () => {
        called++;
      },
      fetchCertificate: async () => {
        throw new Error('no network in tests');
      },
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), mutatedRecord), async (body) => {
        const response = await handler(
          new Request('https://app.test/ses', { method: 'POST', body }),
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(600);
        const answer = (await response.json()) as { error: string };
        expect(typeof answer.error).toBe('string');
      }),
      { numRuns: Math.min(numRuns, 200) },
    );
    expect(called).toBe(0);
  });
});
