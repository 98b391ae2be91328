import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bareMetadata, requiredTemplates } from '../../test/fixtures.js';
import type { TransportContext } from '../contract.js';
import { defineEmailConnector } from '../define-email-connector.js';
import { templatesSchema } from '../template.js';

describe('TransportContext.idempotencyKey', () => {
  it('carries the caller’s key to the transport, and is absent without one', async () => {
    const contexts: TransportContext[] = [];
    const connector = defineEmailConnector({
      metadata: bareMetadata('keyed'),
      configSchema: z.object({ templates: templatesSchema }),
      sender: () => 'noreply@keyed.example',
      createTransport: () => ({
        async send(_email, context) {
          contexts.push(context);
          return { messageId: `m-${contexts.length}` };
        },
      }),
    })({ templates: requiredTemplates });
    const input = { to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } } as const;
    await connector.sendMessage(input, { idempotencyKey: 'order-1' });
    await connector.sendMessage(input);
    expect(contexts.map((context) => context.idempotencyKey)).toEqual(['order-1', undefined]);
    expect('idempotencyKey' in contexts[1]!).toBe(false);
  });
});
