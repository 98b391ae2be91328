export {
  type CertificateCache,
  type CertificateCacheOptions,
  type CertificateFetch,
  createCertificateCache,
} from './certificate-cache.js';
export { createSesFeedbackHandler } from './create-ses-feedback-handler.js';
export {
  FeedbackError,
  type FeedbackErrorCode,
  feedbackErrorCodes,
  feedbackErrorStatus,
} from './feedback-error.js';
export type {
  FeedbackOutcome,
  SesFeedbackHandler,
  SesFeedbackHandlerOptions,
  SubscriptionInfo,
} from './feedback-handler-options.js';
export { requestFromIncomingMessage, toNodeListener, writeResponse } from './node-adapter.js';
export { parseSesNotification } from './parse-ses-notification.js';
export { parseSnsEnvelope, type SnsEnvelope, type SnsMessageType } from './sns-envelope.js';
export { snsStringToSign } from './string-to-sign.js';
export { isAwsSnsUrl, type SnsUrlPolicy } from './trusted-sns-url.js';
export { type SnsSignatureVersion, verifySnsSignature } from './verify-sns-signature.js';
