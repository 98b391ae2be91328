export {
  defaultPostmarkBaseUrl,
  type PostmarkConfig,
  postmarkConfigSchema,
} from './config-schema.js';
export { createPostmarkConnector } from './connector.js';
export {
  mapPostmarkError,
  type PostmarkErrorContext,
  postmarkErrorRules,
} from './error-mapping.js';
export { postmarkMetadata, postmarkProvider } from './metadata.js';
export { PostmarkApiError } from './postmark-api-error.js';
