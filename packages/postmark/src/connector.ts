import { defineEmailConnector } from '@org/connector-core/provider';
import { type PostmarkConfig, postmarkConfigSchema } from './config-schema.js';
import { postmarkMetadata } from './metadata.js';
import { createPostmarkTransport } from './transport.js';

/**
 * Creates a Postmark connector; the config is validated (`invalid_config` names each bad field).
 *
 * ```ts
 * const connector = createPostmarkConnector({ serverToken, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createPostmarkConnector = defineEmailConnector<PostmarkConfig>({
  metadata: postmarkMetadata,
  configSchema: postmarkConfigSchema,
  sender: (config) => config.emailAddress,
  replyTo: (config) => config.replyTo,
  tags: (config) => config.metadata,
  headers: (config) => config.headers,
  createTransport: (config, context) => createPostmarkTransport(config, context),
});
