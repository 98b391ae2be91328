import { defineEmailConnector } from '@org/connector-core';
import { type SmtpConfig, smtpConfigSchema } from './config-schema.js';
import { smtpMetadata } from './metadata.js';
import { createSmtpTransport } from './transport.js';

export { type SmtpConfig, smtpConfigSchema } from './config-schema.js';
export { mapSmtpError } from './error-mapping.js';
export { smtpMetadata, smtpProvider } from './metadata.js';

/**
 * Creates a Smtp connector; the config is validated (`invalid_config` names each bad field).
 *
 * ```ts
 * const connector = createSmtpConnector({ apiKey, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createSmtpConnector = defineEmailConnector<SmtpConfig>({
  metadata: smtpMetadata,
  configSchema: smtpConfigSchema,
  sender: (config) => config.emailAddress,
  createTransport: (config, context) => createSmtpTransport(config, context),
});
