import { defineEmailConnector } from '@org/connector-core';
import { type ResendConfig, resendConfigSchema } from './config-schema.js';
import { resendMetadata } from './metadata.js';
import { createResendTransport } from './transport.js';

export { type ResendConfig, resendConfigSchema } from './config-schema.js';
export { mapResendError } from './error-mapping.js';
export { resendMetadata, resendProvider } from './metadata.js';

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
  createTransport: (config, context) => createResendTransport(config, context),
});
