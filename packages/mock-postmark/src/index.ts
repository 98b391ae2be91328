export { createMockPostmark, defaultPostmarkBaseUrl } from './create-mock-postmark.js';
export { type PostmarkErrorCode, postmarkErrorCodes } from './errors.js';
export { postmarkFaultFor, toDeliveredEmail } from './provider-mock.js';
export { startMockPostmarkServer } from './start-mock-postmark-server.js';
export type {
  MessageStreamType,
  MockMessageStream,
  MockPostmark,
  MockPostmarkOptions,
  MockPostmarkServer,
  MockPostmarkServerOptions,
  MockSenderSignature,
  PostmarkFault,
  PostmarkFaultKind,
  PostmarkOutboxMessage,
  PostmarkRequestLogEntry,
} from './types.js';
