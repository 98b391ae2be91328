export {
  dropBlankOptionalFields,
  mailboxField,
  maxAttemptsField,
  replyToField,
  type TagsFieldOptions,
  tagsField,
  usageTypeTagName,
} from './config-fields.js';
export {
  ConnectorError,
  type ConnectorErrorCode,
  type ConnectorErrorOptions,
  connectorErrorCodes,
  isRetryableCode,
} from './connector-error.js';
export type {
  BaseConnectorConfig,
  CheckItem,
  CheckOptions,
  CheckReport,
  CheckStatus,
  ConfigFormItem,
  ConfigFormItemType,
  ConnectorCapabilities,
  ConnectorEvent,
  ConnectorMetadata,
  ConnectorOptions,
  EmailConnector,
  EmailTransport,
  IdempotencyOptions,
  Mailbox,
  OutgoingEmail,
  SendMessageInput,
  SendOptions,
  SendPayload,
  SendResult,
  TransportContext,
  TransportResult,
} from './contract.js';
export {
  type CheckingTransport,
  type ConfigValue,
  type ConnectorOf,
  defineEmailConnector,
  type EmailConnectorDefinition,
  type EmailConnectorFactory,
  type TransportFactoryContext,
} from './define-email-connector.js';
export { createFailoverConnector } from './failover/failover-connector.js';
export {
  defaultFailoverOn,
  type FailoverAttemptEvent,
  type FailoverOptions,
  type FailoverSendResult,
} from './failover/failover-options.js';
export { replyToFormItem, templatesFormItem } from './form-items.js';
export {
  createMemoryIdempotencyStore,
  type MemoryIdempotencyStoreOptions,
} from './idempotency-memory-store.js';
export type {
  CompletedIdempotencyRecord,
  IdempotencyClaim,
  IdempotencyRecord,
  IdempotencyStore,
} from './idempotency-store.js';
export { lintTemplates, type TemplateLintWarning } from './lint-templates.js';
export {
  formatMailbox,
  maskAddress,
  maxMailboxLength,
  type ParseMailboxOptions,
  parseMailbox,
} from './mailbox.js';
export { escapeHtml, type RenderedEmail, renderTemplate } from './render-template.js';
export {
  isSecretSchema,
  redactConfig,
  redacted,
  scrubSecrets,
  secret,
  secretFieldsOf,
  secretValuesOf,
} from './secrets.js';
export { localeFallbackChain, selectTemplate } from './select-template.js';
export {
  type Template,
  type TemplateContentType,
  templateContentTypes,
  templateSchema,
  templatesSchema,
} from './template.js';
export {
  isUsageType,
  type RequiredUsageType,
  requiredUsageTypes,
  type UsageType,
  usageTypeSchema,
  usageTypes,
  verificationUsageTypes,
} from './usage-types.js';
