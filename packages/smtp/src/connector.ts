import {
  type CheckOptions,
  type CheckReport,
  type ConnectorMetadata,
  type ConnectorOptions,
  defineEmailConnector,
  type EmailConnector,
} from '@org/connector-core';
import { type SmtpConfig, smtpConfigSchema } from './config-schema.js';
import { smtpMetadata } from './metadata.js';
import { createSmtpTransport } from './transport.js';

/** An SMTP connector: the shared contract, with `check()` always present. */
export type SmtpConnector = EmailConnector & {
  check(options?: CheckOptions): Promise<CheckReport>;
};

export type SmtpConnectorFactory = ((
  config: unknown,
  options?: ConnectorOptions,
) => SmtpConnector) & {
  /** Available before any config is given, e.g. to render a setup form. */
  readonly metadata: ConnectorMetadata;
};

const factory = defineEmailConnector<SmtpConfig>({
  metadata: smtpMetadata,
  configSchema: smtpConfigSchema,
  sender: (config) => config.fromEmail,
  replyTo: (config) => config.replyTo,
  tags: (config) => config.tags,
  headers: (config) => config.headers,
  createTransport: (config, { provider }) => createSmtpTransport(config, { provider }),
});

/**
 * Creates an SMTP connector. The config is validated (`invalid_config` names every bad field);
 * one pooled nodemailer transporter is created per connector and closed by `close()`.
 *
 * ```ts
 * const connector = createSmtpConnector({ host: 'smtp.example.com', auth: { user, pass }, fromEmail: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createSmtpConnector: SmtpConnectorFactory = Object.assign(
  // The transport always implements check(), so the pipeline always exposes it.
  (config: unknown, options?: ConnectorOptions) => factory(config, options) as SmtpConnector,
  { metadata: factory.metadata },
);
