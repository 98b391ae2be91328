import { z } from 'zod';
import type { OutgoingEmail } from '../src/contract.js';
import { defineEmailConnector } from '../src/define-email-connector.js';
import { secret } from '../src/secrets.js';
import { type Template, templatesSchema } from '../src/template.js';
import { bareMetadata, requiredTemplates } from './fixtures.js';

/** The API key of `recordingConnector`, so tests can check it never leaks. */
export const recordingApiKey = 'rk_live_9f8e7d6c5b4a3210SECRET';

/** A connector whose transport records what reached it (the wire, for a real provider). */
export function recordingConnector(templates: Template[] = requiredTemplates) {
  const wire: OutgoingEmail[] = [];
  const create = defineEmailConnector({
    metadata: bareMetadata('recording', 'Records what reaches the transport'),
    configSchema: z.object({ apiKey: secret(z.string()), templates: templatesSchema }),
    sender: () => 'Acme <noreply@acme.test>',
    createTransport: () => ({
      send: async (email) => {
        wire.push(email);
        return { messageId: `m-${wire.length}` };
      },
    }),
  });
  return { create, connector: create({ apiKey: recordingApiKey, templates }), wire };
}
