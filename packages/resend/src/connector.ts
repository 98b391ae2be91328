import { defineEmailConnector } from '@org/connector-core/provider';
import { type ResendConfig, resendConfigSchema } from './config-schema.js';
import { resendMetadata } from './metadata.js';
import { createResendTransport } from './transport.js';

/**
 * Creates a Resend connector; the config is validated (`invalid_config` names each bad field).
 *
 * ```ts
 * const connector = createResendConnector({ apiKey, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createResendConnector = defineEmailConnector<ResendConfig>({
  metadata: resendMetadata,
  configSchema: resendConfigSchema,
  sender: (config) => config.emailAddress,
  replyTo: (config) => config.replyTo,
  tags: (config) => config.tags,
  headers: (config) => config.headers,
  createTransport: (config, context) => createResendTransport(config, context),
});
