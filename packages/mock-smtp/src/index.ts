export { providerFault, providerFaultVariants } from './provider-faults.js';
export { type CertificatePair, createSelfSignedCertificate } from './self-signed-certificate.js';
export { startSmtpMock } from './smtp-mock.js';
export { SmtpMockInputError, type SmtpMockInputErrorCode } from './smtp-mock-input-error.js';
export type {
  SmtpFault,
  SmtpFaultOptions,
  SmtpMock,
  SmtpMockMessage,
  SmtpMockOptions,
  SmtpStage,
} from './types.js';
