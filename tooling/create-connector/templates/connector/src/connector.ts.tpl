import { defineEmailConnector } from '@org/connector-core/provider';
import { __CAMEL__ConfigSchema } from './config-schema.js';
import { __CAMEL__Metadata } from './metadata.js';
import { create__PASCAL__Transport } from './transport.js';

/**
 * Creates a __TITLE__ connector; the config is validated (`invalid_config` names each bad field).
 * The connector has `check()` as soon as the transport has one.
 *
 * ```ts
 * const connector = create__PASCAL__Connector({ apiKey, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const create__PASCAL__Connector = defineEmailConnector({
  metadata: __CAMEL__Metadata,
  configSchema: __CAMEL__ConfigSchema,
  sender: 'emailAddress',
  createTransport: create__PASCAL__Transport,
});
