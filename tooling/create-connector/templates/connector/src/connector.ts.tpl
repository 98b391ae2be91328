import { defineEmailConnector } from '@org/connector-core/provider';
import { type __PASCAL__Config, __CAMEL__ConfigSchema } from './config-schema.js';
import { __CAMEL__Metadata } from './metadata.js';
import { create__PASCAL__Transport } from './transport.js';

/**
 * Creates a __TITLE__ connector; the config is validated (`invalid_config` names each bad field).
 * The connector has `check()` because the transport has one (src/preflight.ts).
 *
 * ```ts
 * const connector = create__PASCAL__Connector({ apiKey, emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const create__PASCAL__Connector = defineEmailConnector<__PASCAL__Config>({
  metadata: __CAMEL__Metadata,
  configSchema: __CAMEL__ConfigSchema,
  // Field names, not functions: an error about a field then names it.
  sender: 'emailAddress',
  replyTo: 'replyTo',
  tags: 'tags',
  headers: 'headers',
  createTransport: (config, context) => create__PASCAL__Transport(config, context),
});
