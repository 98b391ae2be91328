import {
  type ConnectorOf,
  defineEmailConnector,
  type EmailConnectorFactory,
} from '@org/connector-core/provider';
import { awsSesConfigSchema } from './config-schema.js';
import { awsSesMetadata } from './metadata.js';
import { createAwsSesTransport } from './transport.js';

/** An SES connector: the shared contract, with `check()` (the transport has a preflight). */
export type AwsSesConnector = ConnectorOf<ReturnType<typeof createAwsSesTransport>>;

/** Validates a config and returns a connector; `metadata` is there before any config. */
export type AwsSesConnectorFactory = EmailConnectorFactory<AwsSesConnector>;

/**
 * Creates an Amazon SES connector. The config is validated (`invalid_config` names every bad
 * field); one SES client is created per connector and destroyed by `close()`.
 *
 * ```ts
 * const connector = createAwsSesConnector({ region: 'us-east-1', emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createAwsSesConnector: AwsSesConnectorFactory = defineEmailConnector({
  metadata: awsSesMetadata,
  configSchema: awsSesConfigSchema,
  sender: 'emailAddress',
  replyTo: 'replyTo',
  tags: 'tags',
  createTransport: createAwsSesTransport,
});
