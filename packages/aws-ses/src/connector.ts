import {
  type CheckOptions,
  type CheckReport,
  type ConnectorMetadata,
  type ConnectorOptions,
  defineEmailConnector,
  type EmailConnector,
} from '@org/connector-core';
import { type AwsSesConfig, awsSesConfigSchema } from './config-schema.js';
import { awsSesMetadata } from './metadata.js';
import { createAwsSesTransport } from './transport.js';

/** An SES connector: the shared contract, with `check()` always present. */
export type AwsSesConnector = EmailConnector & {
  check(options?: CheckOptions): Promise<CheckReport>;
};

export type AwsSesConnectorFactory = ((
  config: unknown,
  options?: ConnectorOptions,
) => AwsSesConnector) & {
  /** Available before any config is given, e.g. to render a setup form. */
  readonly metadata: ConnectorMetadata;
};

const factory = defineEmailConnector<AwsSesConfig>({
  metadata: awsSesMetadata,
  configSchema: awsSesConfigSchema,
  sender: (config) => config.emailAddress,
  replyTo: (config) => config.replyTo,
  tags: (config) => config.tags,
  createTransport: (config, context) => createAwsSesTransport(config, context),
});

/**
 * Creates an Amazon SES connector. The config is validated (`invalid_config` names every bad
 * field); one SES client is created per connector and destroyed by `close()`.
 *
 * ```ts
 * const connector = createAwsSesConnector({ region: 'us-east-1', emailAddress: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createAwsSesConnector: AwsSesConnectorFactory = Object.assign(
  // The transport always implements check(), so the pipeline always exposes it.
  (config: unknown, options?: ConnectorOptions) => factory(config, options) as AwsSesConnector,
  { metadata: factory.metadata },
);
