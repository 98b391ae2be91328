import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../../test/fixtures.js';
import { ConnectorError } from '../connector-error.js';
import type { ConnectorEvent } from '../contract.js';
import { RecipientSuppressedError } from '../recipient-suppressed-error.js';
import { createMemorySuppressionStore } from '../suppression-memory-store.js';
import type { SuppressionStore } from '../suppression-store.js';
import { createMemoryConnector } from '../testing/memory-connector.js';

const suppressedAt = '2026-12-03T08:00:00.000Z';

function connectorWith(store: SuppressionStore, onStoreError?: 'send' | 'reject') {
  const events: ConnectorEvent[] = [];
  const connector = createMemoryConnector({
    from: 'Acme <noreply@acme.test>',
    templates: requiredTemplates,
    options: {
      onEvent: (event) => events.push(event),
      suppression: { store, ...(onStoreError === undefined ? {} : { onStoreError }) },
    },
  });
  return { connector, events };
}

const send = (to: string) => ({ to, type: 'SignIn' as const, payload: { code: '402911' } });

describe('suppression before send', () => {
  it('refuses a suppressed recipient without calling the provider', async () => {
    const store = createMemorySuppressionStore({
      entries: [{ address: 'jane@example.com', reason: 'bounce', suppressedAt }],
    });
    const { connector, events } = connectorWith(store);
    const error = await connector.sendMessage(send('Jane <JANE@example.com>')).catch((e) => e);
    expect(error).toBeInstanceOf(RecipientSuppressedError);
    expect(ConnectorError.isInstance(error)).toBe(true);
    expect(RecipientSuppressedError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'message_rejected',
      retryable: false,
      provider: 'memory',
      reason: 'bounce',
      suppressedAt,
    });
    expect(error.hint).toMatch(/suppression store/);
    // A recipient address is personal data: only its masked form is in the message.
    expect(error.message).toContain('j***@example.com');
    expect(error.message).not.toContain('jane@');
    expect(error.message).not.toContain('402911');
    expect(connector.outbox).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ type: 'send:error', errorCode: 'message_rejected' });
  });

  it('sends to everyone else, and again once the entry is deleted', async () => {
    const store = createMemorySuppressionStore({
      entries: [{ address: 'jane@example.com', reason: 'complaint', suppressedAt }],
    });
    const { connector } = connectorWith(store);
    await connector.sendMessage(send('ada@example.com'));
    await expect(connector.sendMessage(send('jane@example.com'))).rejects.toThrow(
      /suppression list/,
    );
    await store.delete('jane@example.com');
    await connector.sendMessage(send('jane@example.com'));
    expect(connector.outbox.map((e) => e.to[0]?.address)).toEqual([
      'ada@example.com',
      'jane@example.com',
    ]);
  });

  it('sends when the store fails, unless told to reject', async () => {
    const broken: SuppressionStore = {
      get: () => Promise.reject(new Error('ECONNREFUSED')),
      put: async () => {},
      delete: async () => {},
      list: async () => ({ entries: [] }),
    };
    const sending = connectorWith(broken);
    await sending.connector.sendMessage(send('ada@example.com'));
    expect(sending.connector.outbox).toHaveLength(1);
    const error = await connectorWith(broken, 'reject')
      .connector.sendMessage(send('ada@example.com'))
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'general', retryable: true });
  });

  it('says so in an event when a send goes out unchecked, masking any address in the store error', async () => {
    const broken: SuppressionStore = {
      get: (address) =>
        Promise.reject(new Error(`GET suppression:${address} failed: ECONNREFUSED`)),
      put: async () => {},
      delete: async () => {},
      list: async () => ({ entries: [] }),
    };
    const { connector, events } = connectorWith(broken);
    await connector.sendMessage(send('ada@example.com'));
    expect(events.map((event) => event.type)).toEqual([
      'send:start',
      'send:suppression-unchecked',
      'send:success',
    ]);
    expect(events[1]).toEqual({
      type: 'send:suppression-unchecked',
      provider: 'memory',
      usageType: 'SignIn',
      recipient: 'a***@example.com',
      message: 'Error: GET s***@example.com failed: ECONNREFUSED',
    });
    expect(JSON.stringify(events)).not.toContain('ada@');
  });

  it('refuses a malformed option when the connector is created', () => {
    expect(() =>
      createMemoryConnector({
        from: 'Acme <noreply@acme.test>',
        templates: requiredTemplates,
        options: { suppression: { store: {} as SuppressionStore } },
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_config' }));
  });
});
