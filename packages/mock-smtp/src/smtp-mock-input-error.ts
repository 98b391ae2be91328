/** What was wrong with an argument given to the SMTP mock itself. */
export type SmtpMockInputErrorCode = 'invalid_fault' | 'invalid_options';

/**
 * Thrown by `startSmtpMock` for bad options and by `fault` / `inject` for a fault the mock could
 * not answer, at the call that passed it, instead of a wrong or broken SMTP reply later.
 * A RangeError, as these calls threw before the checks had a class of their own.
 */
export class SmtpMockInputError extends RangeError {
  override readonly name = 'SmtpMockInputError';
  constructor(
    readonly code: SmtpMockInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
