export {
  type SmtpConfig,
  type SmtpConfigInput,
  smtpConfigSchema,
  smtpTagPattern,
} from './config-schema.js';
export {
  createSmtpConnector,
  type SmtpConnector,
  type SmtpConnectorFactory,
} from './connector.js';
export { mapSmtpError, type SmtpErrorContext } from './error-mapping.js';
export { formatTags, parseTags } from './mail-options.js';
export { smtpMetadata, smtpProvider } from './metadata.js';
export { parseSmtpReply, type SmtpReply } from './smtp-reply.js';
