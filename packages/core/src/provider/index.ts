// `@org/connector-core/provider`: what a provider package is built from. The pipeline
// (`defineEmailConnector`) and the contract types, plus the kit that keeps provider code down
// to what is provider-specific: error tables, cause-chain and errno helpers, check-report
// helpers, one retry-with-backoff, abortable waits.

// Building blocks of a provider's config schema, and the secret helpers behind redaction.
export {
  dropBlankOptionalFields,
  mailboxField,
  maxAttemptsField,
  replyToField,
  type TagsFieldOptions,
  tagsField,
  usageTypeTagName,
} from '../config-fields.js';
export {
  ConnectorError,
  type ConnectorErrorCode,
  type ConnectorErrorOptions,
} from '../connector-error.js';
export type {
  BaseConnectorConfig,
  CheckItem,
  CheckOptions,
  CheckReport,
  CheckStatus,
  ConfigFormItem,
  ConnectorCapabilities,
  ConnectorMetadata,
  EmailTransport,
  Mailbox,
  OutgoingEmail,
  TransportContext,
  TransportResult,
} from '../contract.js';
// The pipeline and the contract a transport implements, so a provider imports from one place.
export {
  type CheckingTransport,
  type ConfigValue,
  type ConnectorOf,
  defineEmailConnector,
  type EmailConnectorDefinition,
  type EmailConnectorFactory,
  type TransportFactoryContext,
} from '../define-email-connector.js';
export { replyToFormItem, templatesFormItem } from '../form-items.js';
// Schemas built on first use, so importing a provider loads no zod.
export { lazySchema, unwrapLazySchema } from '../lazy-schema.js';
// Mailboxes for a provider's request, and client-side pacing: what a transport needs besides
// the pipeline, so that a provider imports this entry alone (one entry loads less on import).
export { formatMailbox, parseMailbox } from '../mailbox.js';
export {
  QueueWaitExceededError,
  type RateLimiter,
  type RateLimitRequest,
  type ReleaseToken,
} from '../rate-limiter.js';
export { createMemoryRateLimiter, type MemoryRateLimiterOptions } from '../rate-limiter-memory.js';
export { redacted, scrubSecrets, secret, secretFieldsOf } from '../secrets.js';
export { templatesSchema } from '../template.js';
export type { Zod } from '../zod-runtime.js';
export { raceAbort } from './abort-race.js';
export {
  type BackoffOptions,
  backoffDelayMs,
  defaultBackoffBaseMs,
  defaultBackoffMaxMs,
  type RetryOptions,
  retryWithBackoff,
} from './backoff.js';
export { causeChain, codesInChain, fieldOf, maxCauseDepth, textOf } from './cause-chain.js';
export { checkReport, failedItem } from './check-report.js';
export {
  applyErrorTable,
  type BaseErrorContext,
  createErrorMapper,
  type ErrorDetails,
  type ErrorMapperDefinition,
  type ErrorRule,
  type MappedError,
} from './error-table.js';
export {
  type HttpFailureFacts,
  type HttpFailureRuleOptions,
  httpFailureFacts,
  httpFailureRules,
} from './http-failure.js';
export {
  createJsonHttpClient,
  HttpTimeoutError,
  type JsonHttpClient,
  type JsonHttpClientOptions,
  type JsonHttpRequest,
  type JsonHttpResponse,
} from './json-http-client.js';
export {
  type NetworkErrorClass,
  type NetworkFailure,
  networkErrorClassOf,
  networkFailureOf,
} from './network-errors.js';
export { sleep, sleepUnlessAborted } from './sleep.js';
