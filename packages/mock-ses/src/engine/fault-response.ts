import type { FaultRequestInfo, SesExceptionName } from '../types.js';
import { addressOf } from './address.js';
import type { NormalizedFault } from './fault-controller.js';
import { isObject } from './json-fields.js';
import { unverifiedMessage } from './send-checks.js';
import { SesError } from './ses-error.js';

const defaultMessages: Record<Exclude<SesExceptionName, 'MessageRejected'>, string> = {
  BadRequestException: 'The request is invalid (injected fault).',
  TooManyRequestsException: 'Maximum sending rate exceeded.',
  LimitExceededException: 'Daily message quota exceeded.',
  AccountSuspendedException: 'Your account has been suspended from sending email.',
  SendingPausedException: 'Sending is paused for this account.',
  MailFromDomainNotVerifiedException: 'The MAIL FROM domain of this identity is not verified.',
  NotFoundException: 'The resource you attempted to access does not exist (injected fault).',
  AlreadyExistsException: 'The resource already exists (injected fault).',
  ConflictException:
    'The request conflicts with the current state of the resource (injected fault).',
  InternalServiceErrorException: 'The request could not be processed because of an internal error.',
  InvalidSignatureException:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  UnrecognizedClientException: 'The security token included in the request is invalid.',
  MissingAuthenticationTokenException: 'Request is missing Authentication Token',
  AccessDeniedException: 'User is not authorized to perform this action.',
  ExpiredTokenException: 'The security token included in the request is expired',
};

/** The sender SES would name: FromEmailAddress, else the first address in the request. */
function senderOf(body: unknown): string {
  if (isObject(body) && typeof body.FromEmailAddress === 'string')
    return addressOf(body.FromEmailAddress);
  return 'unknown';
}

/**
 * What an injected fault answers. `undefined` means "no error": latency-only faults let the
 * request go on to the operation. `'network_error'` is signalled to the face (msw / server).
 */
export function faultOutcome(
  fault: NormalizedFault,
  request: FaultRequestInfo,
  region: string,
): SesError | 'network_error' | undefined {
  switch (fault.kind) {
    case 'latency':
      return undefined;
    case 'network_error':
      return 'network_error';
    case 'internal_error':
      return new SesError(
        500,
        'InternalServiceErrorException',
        fault.message ?? defaultMessages.InternalServiceErrorException,
      );
    case 'service_unavailable':
      return new SesError(503, undefined, fault.message ?? 'Service Unavailable');
    case 'custom':
      return new SesError(fault.status, fault.type, fault.message ?? '');
    case 'MessageRejected':
      return SesError.of(
        'MessageRejected',
        fault.message ?? unverifiedMessage(region, [senderOf(request.body)]),
      );
    default:
      return SesError.of(fault.kind, fault.message ?? defaultMessages[fault.kind]);
  }
}
