/** What was wrong with an argument given to the mock itself (not an SES request). */
export type MockSesInputErrorCode = 'invalid_fault' | 'invalid_options';

/**
 * Thrown by `createMockSes` / `startMockSesServer` for bad options and by `mock.faults.*` for
 * a bad fault spec, at the call that passed it: a fault that could not be answered must never
 * reach the request path, where it would only surface as a broken answer.
 * A RangeError, as these calls threw before the checks had a class of their own.
 */
export class MockSesInputError extends RangeError {
  override readonly name = 'MockSesInputError';
  constructor(
    readonly code: MockSesInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
