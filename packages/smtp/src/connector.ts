import {
  type ConnectorOf,
  defineEmailConnector,
  type EmailConnectorFactory,
} from '@org/connector-core/provider';
import { smtpConfigSchema } from './config-schema.js';
import { smtpMetadata } from './metadata.js';
import { createSmtpTransport } from './transport.js';

/** An SMTP connector: the shared contract, with `check()` (the transport has a preflight). */
export type SmtpConnector = ConnectorOf<ReturnType<typeof createSmtpTransport>>;

/** Validates a config and returns a connector; `metadata` is there before any config. */
export type SmtpConnectorFactory = EmailConnectorFactory<SmtpConnector>;

/**
 * Creates an SMTP connector. The config is validated (`invalid_config` names every bad field);
 * one pooled nodemailer transporter is created per connector and closed by `close()`.
 *
 * ```ts
 * const connector = createSmtpConnector({ host: 'smtp.example.com', auth: { user, pass }, fromEmail: 'Acme <noreply@acme.com>', templates });
 * await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export const createSmtpConnector: SmtpConnectorFactory = defineEmailConnector({
  metadata: smtpMetadata,
  configSchema: smtpConfigSchema,
  sender: 'fromEmail',
  replyTo: 'replyTo',
  tags: 'tags',
  headers: 'headers',
  createTransport: (config, { provider }) => createSmtpTransport(config, { provider }),
});
