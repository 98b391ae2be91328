import { defineEmailConnector } from '@org/connector-core';
import { type PostmarkConfig, postmarkConfigSchema } from './config-schema.js';
import { postmarkMetadata } from './metadata.js';
import { createPostmarkTransport } from './transport.js';

export { type PostmarkConfig, postmarkConfigSchema } from './config-schema.js';
export { mapPostmarkError } from './error-mapping.js';
export { postmarkMetadata, postmarkProvider } from './metadata.js';

/**
 * Creates a Postmark connector; the config is validated (`invalid_config` names each bad field).
 *
 * ```ts
 * const connector = createPostmarkConnector({ apiKey, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createPostmarkConnector = defineEmailConnector<PostmarkConfig>({
  metadata: postmarkMetadata,
  configSchema: postmarkConfigSchema,
  sender: (config) => config.emailAddress,
  createTransport: (config, context) => createPostmarkTransport(config, context),
});
