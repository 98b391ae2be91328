import { inspect } from 'node:util';
import {
  type DeliveryEvent,
  deliveryEventRaw,
  RecipientSuppressedError,
} from '@org/connector-core';
import { assert, expect } from 'vitest';
import { expectConnectorError, rejectionOf } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { newCode } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions, FeedbackHarness } from '../types.js';

async function feedbackOf(context: CaseContext): Promise<FeedbackHarness> {
  if (!context.harness.feedback) {
    return assert.fail(
      'The connector declares the "feedback" capability, but the harness has no feedback(): return the provider\'s feedback plumbing from setup() (see ConformanceHarness.feedback).',
    );
  }
  return context.harness.feedback();
}

/** Sends one message to `to` and answers its id and the events received for it. */
async function sendAndCollect(
  context: CaseContext,
  feedback: FeedbackHarness,
  to: string,
): Promise<{ messageId: string; events: DeliveryEvent[] }> {
  const connector = await context.create(feedback.configOverrides ?? {});
  const { messageId } = await connector.sendMessage({
    to,
    type: 'SignIn',
    payload: conformancePayload(newCode()),
  });
  const events = (await feedback.events()).filter((event) => event.messageId === messageId);
  return { messageId, events };
}

function describeEvents(events: readonly DeliveryEvent[]): string {
  return inspect(
    events.map((e) => `${e.type} ${e.recipient}`),
    { breakLength: Infinity },
  );
}

export const feedbackCases = defineCases('feedback', [
  {
    name: 'a hard bounce arrives as a "bounced" event of kind hard, for the message id the send returned',
    requires: 'feedback',
    async run(context) {
      const feedback = await feedbackOf(context);
      const to = feedback.recipients.hardBounce;
      const { messageId, events } = await sendAndCollect(context, feedback, to);
      const bounce = events.find((e) => e.type === 'bounced');
      expect(bounce, `events for ${messageId}: ${describeEvents(events)}`).toBeDefined();
      expect(bounce).toMatchObject({ messageId, recipient: to, bounceKind: 'hard' });
      expect(Number.isFinite(Date.parse(bounce?.timestamp ?? '')), 'timestamp is ISO 8601').toBe(
        true,
      );
      expect(bounce?.provider, 'provider').toBe((await context.connector()).metadata.provider);
    },
  },
  {
    name: 'a complaint arrives as a "complained" event',
    requires: 'feedback',
    async run(context) {
      const feedback = await feedbackOf(context);
      const to = feedback.recipients.complaint;
      const { messageId, events } = await sendAndCollect(context, feedback, to);
      expect(
        events.some((e) => e.type === 'complained' && e.recipient === to),
        `events for ${messageId}: ${describeEvents(events)}`,
      ).toBe(true);
    },
  },
  {
    name: 'a delivered message arrives as "delivered" and suppresses nothing',
    requires: 'feedback',
    async run(context) {
      const feedback = await feedbackOf(context);
      const to = feedback.recipients.delivered;
      const { messageId, events } = await sendAndCollect(context, feedback, to);
      expect(
        events.some((e) => e.type === 'delivered' && e.recipient === to),
        `events for ${messageId}: ${describeEvents(events)}`,
      ).toBe(true);
      expect(
        await feedback.suppressionStore.get(to),
        'a delivered address is not suppressed',
      ).toBeUndefined();
    },
  },
  {
    name: 'hard bounces and complaints suppress the recipient: the next send fails with message_rejected before the provider',
    requires: 'feedback',
    async run(context) {
      const feedback = await feedbackOf(context);
      const connector = await context.create(feedback.configOverrides ?? {}, {
        suppression: { store: feedback.suppressionStore },
      });
      for (const to of [feedback.recipients.hardBounce, feedback.recipients.complaint]) {
        await connector.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) });
        await feedback.events();
        expect(await feedback.suppressionStore.get(to), `${to} is suppressed`).toBeDefined();
        const before = context.mock.requestCount();
        const error = await rejectionOf(
          connector.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) }),
          `a send to the suppressed ${to}`,
        );
        const rejected = expectConnectorError(
          error,
          'message_rejected',
          `a send to the suppressed ${to}`,
        );
        expect(rejected.retryable, 'a suppressed recipient is not retryable').toBe(false);
        expect(RecipientSuppressedError.is(rejected), 'a RecipientSuppressedError').toBe(true);
        expect(rejected.hint, 'a hint says how to lift it').toBeTruthy();
        expect(context.mock.requestCount(), 'the refused send reached no provider').toBe(before);
      }
    },
  },
  {
    name: 'delivery events keep the provider record out of JSON and util.inspect',
    requires: 'feedback',
    async run(context) {
      const feedback = await feedbackOf(context);
      const { events } = await sendAndCollect(context, feedback, feedback.recipients.hardBounce);
      expect(events.length, 'events arrived').toBeGreaterThan(0);
      for (const event of events) {
        expect(Object.keys(event), `${event.type}: raw is not enumerable`).not.toContain('raw');
        const raw = deliveryEventRaw(event);
        if (raw !== undefined) {
          expect(JSON.stringify(event)).not.toContain(JSON.stringify(raw).slice(0, 40));
          expect(inspect(event, { depth: 5 })).not.toMatch(/raw:/);
        }
      }
    },
  },
]);

/** Delivery feedback (bounces, complaints, suppression), for connectors that declare `feedback`. */
export function feedbackConformance(options: ConformanceOptions): void {
  registerGroup('delivery feedback', feedbackCases, options);
}
