import type { SesExceptionName } from '../types.js';

/** HTTP status SES answers each exception with (the status drives SDK retries, not the class). */
export const sesExceptionStatus: Record<SesExceptionName, number> = {
  BadRequestException: 400,
  TooManyRequestsException: 429,
  LimitExceededException: 400,
  AccountSuspendedException: 400,
  SendingPausedException: 400,
  MessageRejected: 400,
  MailFromDomainNotVerifiedException: 400,
  NotFoundException: 404,
  AlreadyExistsException: 400,
  ConflictException: 409,
  InternalServiceErrorException: 500,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  MissingAuthenticationTokenException: 403,
  AccessDeniedException: 403,
  ExpiredTokenException: 403,
};

/**
 * An error the engine answers with. `type` undefined means a typeless error body (what a load
 * balancer in front of SES answers with a 503).
 */
export class SesError extends Error {
  override readonly name = 'SesError';
  constructor(
    readonly status: number,
    readonly type: string | undefined,
    message: string,
  ) {
    super(message);
  }

  static of(type: SesExceptionName, message: string): SesError {
    return new SesError(sesExceptionStatus[type], type, message);
  }
}

export const badRequest = (message: string): SesError =>
  SesError.of('BadRequestException', message);
export const notFound = (message: string): SesError => SesError.of('NotFoundException', message);

/** AWS's standard wording for a missing required member. */
export const missingMember = (path: string): SesError =>
  badRequest(
    `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
  );
