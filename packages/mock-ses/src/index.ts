export { createMockSes } from './create-mock-ses.js';
export { type SimulatorOutcome, simulatorOutcome } from './engine/mailbox-simulator.js';
export type {
  SuppressedDestination,
  SuppressionList,
  SuppressionListReason,
} from './engine/suppression-list.js';
export { MockSesInputError, type MockSesInputErrorCode } from './mock-ses-input-error.js';
export { SES_ENDPOINT_PATTERN } from './msw-handlers.js';
export { startMockSesServer } from './server/start-mock-ses-server.js';
export type {
  MockFeedback,
  MockFeedbackEvent,
  MockSns,
  MockSnsOptions,
  MockSnsSubscription,
  SignMessageInput,
  SnsDelivery,
  SnsSignatureVersion,
  SnsSubscriptionStatus,
} from './sns/types.js';
export type {
  AccountSettings,
  Fault,
  FaultController,
  FaultKind,
  FaultRequestInfo,
  IdentityStore,
  MockCredentials,
  MockSes,
  MockSesOptions,
  MockSesServer,
  MockSesServerOptions,
  MockTemplate,
  Outbox,
  OutboxAttachment,
  OutboxFilter,
  OutboxMessage,
  RequestLog,
  RequestLogEntry,
  SesExceptionName,
} from './types.js';
export { sesExceptionNames } from './types.js';
