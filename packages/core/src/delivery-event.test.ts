import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  applyDeliveryEvent,
  createDeliveryEvent,
  deliveryEventRaw,
  suppressionForEvent,
} from './delivery-event.js';
import { createMemorySuppressionStore } from './suppression-memory-store.js';

const base = {
  provider: 'aws-ses',
  messageId: 'msg-1',
  recipient: 'Jane@Example.com',
  timestamp: '2026-12-03T08:00:00.000Z',
};
const raw = { mail: { headers: [{ name: 'X-Secret-Header', value: 'do-not-log' }] } };

describe('DeliveryEvent', () => {
  it('keeps the provider record out of JSON, inspect and spreads', () => {
    const event = createDeliveryEvent({ ...base, type: 'delivered', smtpResponse: '250 ok' }, raw);
    expect(deliveryEventRaw(event)).toBe(raw);
    expect(JSON.stringify(event)).not.toContain('do-not-log');
    expect(inspect(event, { depth: 10 })).not.toContain('do-not-log');
    expect({ ...event }).not.toHaveProperty('raw');
  });

  it('suppresses hard bounces and complaints, nothing else', () => {
    const hard = createDeliveryEvent({
      ...base,
      type: 'bounced',
      bounceKind: 'hard',
      diagnostic: 'smtp; 550 5.1.1 user unknown',
    });
    expect(suppressionForEvent(hard)).toEqual({
      address: 'jane@example.com',
      reason: 'bounce',
      suppressedAt: base.timestamp,
      provider: 'aws-ses',
      messageId: 'msg-1',
      detail: 'smtp; 550 5.1.1 user unknown',
    });
    const complaint = createDeliveryEvent({ ...base, type: 'complained', feedbackType: 'abuse' });
    expect(suppressionForEvent(complaint)?.reason).toBe('complaint');
    for (const event of [
      createDeliveryEvent({ ...base, type: 'bounced', bounceKind: 'soft' }),
      createDeliveryEvent({ ...base, type: 'bounced', bounceKind: 'undetermined' }),
      createDeliveryEvent({ ...base, type: 'delivered' }),
      createDeliveryEvent({ ...base, type: 'delayed', delayType: 'MailboxFull' }),
      createDeliveryEvent({ ...base, type: 'clicked', link: 'https://example.com' }),
    ]) {
      expect(suppressionForEvent(event)).toBeUndefined();
    }
  });

  it('feeds a store through applyDeliveryEvent', async () => {
    const store = createMemorySuppressionStore();
    await applyDeliveryEvent(store, createDeliveryEvent({ ...base, type: 'delivered' }));
    expect(await store.get('jane@example.com')).toBeUndefined();
    const written = await applyDeliveryEvent(
      store,
      createDeliveryEvent({
        ...base,
        type: 'bounced',
        bounceKind: 'hard',
        diagnostic: 'x'.repeat(900),
      }),
    );
    expect(written?.detail).toHaveLength(500);
    expect(await store.get('jane@example.com')).toEqual(written);
  });
});
