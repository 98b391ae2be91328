export { defaultResendBaseUrl, type ResendConfig, resendConfigSchema } from './config-schema.js';
export { createResendConnector } from './connector.js';
export { mapResendError, type ResendErrorContext, resendErrorRules } from './error-mapping.js';
export { resendMetadata, resendProvider } from './metadata.js';
export { ResendApiError } from './resend-api-error.js';
