import { defineEmailConnector } from '@org/connector-core';
import { type __PASCAL__Config, __CAMEL__ConfigSchema } from './config-schema.js';
import { __CAMEL__Metadata } from './metadata.js';
import { create__PASCAL__Transport } from './transport.js';

export { type __PASCAL__Config, __CAMEL__ConfigSchema } from './config-schema.js';
export { map__PASCAL__Error } from './error-mapping.js';
export { __CAMEL__Metadata, __CAMEL__Provider } from './metadata.js';

/**
 * Creates a __TITLE__ connector; the config is validated (`invalid_config` names each bad field).
 *
 * ```ts
 * const connector = create__PASCAL__Connector({ apiKey, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const create__PASCAL__Connector = defineEmailConnector<__PASCAL__Config>({
  metadata: __CAMEL__Metadata,
  configSchema: __CAMEL__ConfigSchema,
  sender: (config) => config.emailAddress,
  createTransport: (config, context) => create__PASCAL__Transport(config, context),
});
