export { createMockResend, defaultResendBaseUrl } from './create-mock-resend.js';
export { type ResendErrorName, resendErrorNames, resendErrors } from './errors.js';
export { resendFaultFor, toDeliveredEmail } from './provider-mock.js';
export { startMockResendServer } from './start-mock-resend-server.js';
export type {
  MockResend,
  MockResendDomain,
  MockResendOptions,
  MockResendServer,
  MockResendServerOptions,
  ResendDomainStatus,
  ResendFault,
  ResendFaultKind,
  ResendOutboxMessage,
  ResendRegion,
  ResendRequestLogEntry,
} from './types.js';
