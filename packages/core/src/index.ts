export {
  dropBlankOptionalFields,
  mailboxField,
  maxAttemptsField,
  replyToField,
  type TagsFieldOptions,
  tagsField,
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
export {
  applyDeliveryEvent,
  type BounceKind,
  createDeliveryEvent,
  type DeliveryEvent,
  type DeliveryEventFields,
  type DeliveryEventType,
  deliveryEventRaw,
  deliveryEventTypes,
  suppressionForEvent,
} from './delivery-event.js';
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
export {
  maxCodeLength,
  maxHtmlNestingDepth,
  maxIdempotencyKeyLength,
  maxLinkLength,
  maxPayloadDepth,
  maxPayloadTextLength,
  maxPayloadValues,
  maxRenderedLength,
  maxSubjectLength,
  maxTemplateContentLength,
  maxTemplates,
} from './input-limits.js';
export { lazySchema, unwrapLazySchema } from './lazy-schema.js';
export { lintTemplates, type TemplateLintWarning } from './lint-templates.js';
export { isLocaleTag, type LocaleTagOptions, maxLocaleLength } from './locale-tag.js';
export {
  formatMailbox,
  maskAddress,
  type ParseMailboxOptions,
  parseMailbox,
} from './mailbox.js';
export {
  QueueWaitExceededError,
  type RateLimiter,
  type RateLimitRequest,
  type ReleaseToken,
  rateLimitCapacity,
  rateLimitWindowMs,
} from './rate-limiter.js';
export { createMemoryRateLimiter, type MemoryRateLimiterOptions } from './rate-limiter-memory.js';
export { RecipientSuppressedError } from './recipient-suppressed-error.js';
export { normalizeRecipient, type RecipientLimitOptions } from './recipient-throttle.js';
export {
  createMemoryRecipientThrottleStore,
  type MemoryRecipientThrottleStoreOptions,
} from './recipient-throttle-memory-store.js';
export type { RecipientThrottleHit, RecipientThrottleStore } from './recipient-throttle-store.js';
export { type RenderedEmail, renderTemplate } from './render-template.js';
export { redacted, secret } from './secrets.js';
export { selectTemplate } from './select-template.js';
export {
  createMemorySuppressionStore,
  type MemorySuppressionStoreOptions,
} from './suppression-memory-store.js';
export {
  normalizeSuppressionAddress,
  type SuppressionEntry,
  type SuppressionListOptions,
  type SuppressionListPage,
  type SuppressionOptions,
  type SuppressionReason,
  type SuppressionStore,
  suppressionReasons,
} from './suppression-store.js';
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
export type { Zod } from './zod-runtime.js';
