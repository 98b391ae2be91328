import { ConnectorError, type ConnectorErrorCode } from '@org/connector-core';
import { awsSesProvider } from './metadata.js';

/** What the mapping needs to know about the call that failed, to write an actionable hint. */
export interface SesErrorContext {
  /** The SES operation, e.g. `SendEmail` (names the IAM permission `ses:SendEmail`). */
  operation: string;
  region: string;
  /** The caller's signal: when it fired, the failure is an abort, not a network error. */
  signal?: AbortSignal;
  requestTimeoutMs?: number;
  /** The From address, to tell an unverified sender from an unverified sandbox recipient. */
  fromAddress?: string;
  configurationSetName?: string;
  provider?: string;
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown; attempts?: unknown };
}

const throttlingNames = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequests',
]);

const signatureNames = new Set([
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
]);

const unknownKeyNames = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'AuthFailure',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);

const expiredNames = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

const timeoutNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

const dailyQuotaPattern = /daily message quota exceeded/i;
const unverifiedPattern = /not verified/i;
const failedIdentitiesPattern = /failed the check in region ([A-Za-z0-9-]+)\s*:\s*(.+?)\.?\s*$/is;

function asShape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// Node puts the errno code on the error, undici and some wrappers on its cause.
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = text(asShape(current).code);
    if (code !== undefined && (networkCodes.has(code) || code === 'ETIMEDOUT')) return code;
    current = asShape(current).cause;
  }
  return undefined;
}

function domainOf(address: string | undefined): string | undefined {
  const at = address?.lastIndexOf('@') ?? -1;
  return at > 0 ? address!.slice(at + 1).toLowerCase() : undefined;
}

/** `ses:SendEmail` for `SendEmail`. */
export function sesPermission(operation: string): string {
  return `ses:${operation}`;
}

function rejectedHint(message: string, context: SesErrorContext): string {
  if (!unverifiedPattern.test(message)) {
    return `SES refused this message: "${message}". Check the From and recipient addresses and the content; a sender SES considers risky is refused too.`;
  }
  const match = message.match(failedIdentitiesPattern);
  const region = (match?.[1] ?? context.region).toLowerCase();
  const identities = (match?.[2] ?? '')
    .split(/[,\s]+/)
    .map((identity) => identity.trim())
    .filter((identity) => identity !== '');
  const from = context.fromAddress?.toLowerCase();
  const fromDomain = domainOf(from);
  const senders = identities.filter((id) => {
    const lower = id.toLowerCase();
    return lower === from || lower === fromDomain;
  });
  const recipients = identities.filter((id) => !senders.includes(id));
  const parts: string[] = [];
  if (senders.length > 0 || identities.length === 0) {
    const sender = senders[0] ?? context.fromAddress ?? 'the From address';
    parts.push(
      `Verify the sender identity ${sender} (or its domain${fromDomain ? ` ${fromDomain}` : ''}) in Amazon SES in region ${region}: SES console → Configuration → Identities. Identities are per region, so the config's region must be the identity's.`,
    );
  }
  if (recipients.length > 0) {
    parts.push(
      `The recipient ${recipients.join(', ')} is not a verified identity in region ${region}: the account is in the SES sandbox, where every recipient must be verified too. Verify it, or request production access (SES console → Account dashboard).`,
    );
  } else {
    parts.push(
      'If the account is still in the SES sandbox, every recipient must be verified too; request production access to send to anyone.',
    );
  }
  return parts.join(' ');
}

interface Mapped {
  code: ConnectorErrorCode;
  message: string;
  hint?: string;
}

function classify(error: unknown, context: SesErrorContext): Mapped {
  const shape = asShape(error);
  const name = text(shape.name) ?? 'Error';
  const rawMessage = text(shape.message) ?? name;
  // The SDK's deserialization errors quote the unparseable body and a debugging tip; keep the gist.
  const sesMessage = rawMessage.includes('Deserialization error')
    ? `the response was not SES JSON (${rawMessage.split('\n')[0]})`
    : rawMessage;
  const status =
    typeof shape.$metadata?.httpStatusCode === 'number'
      ? shape.$metadata.httpStatusCode
      : undefined;
  const permission = sesPermission(context.operation);
  const op = context.operation;

  if (context.signal?.aborted) {
    return {
      code: 'aborted',
      message: `The ${op} call was aborted: the caller's AbortSignal fired.`,
    };
  }

  if (dailyQuotaPattern.test(sesMessage)) {
    return {
      code: 'usage_limit_exceeded',
      message: `SES refused ${op}: the account's 24-hour sending quota is spent (${name}: ${sesMessage}).`,
      hint: `The daily quota is exhausted in region ${context.region}; sending resumes as the rolling 24-hour window frees up. See the quota in the SES console → Account dashboard (or run \`ses-connector check\`), and request a higher quota through a service quota increase.`,
    };
  }

  if (throttlingNames.has(name) || status === 429) {
    return {
      code: 'rate_limit_exceeded',
      message: `SES throttled ${op} (${name}: ${sesMessage}).`,
      hint: `You are sending faster than the account's maximum send rate in region ${context.region}. Slow down and retry later, or request a higher sending rate (SES console → Account dashboard → Request a quota increase).`,
    };
  }

  switch (name) {
    case 'SendingPausedException':
      return {
        code: 'usage_limit_exceeded',
        message: `SES refused ${op}: sending is paused (${sesMessage}).`,
        hint: context.configurationSetName
          ? `Sending is paused for the account or for the configuration set ${context.configurationSetName} in region ${context.region}. Check the account status in the SES console → Account dashboard, and the configuration set's sending status (aws sesv2 get-configuration-set).`
          : `Sending is paused for this account in region ${context.region} (often after a reputation review). Check the SES console → Account dashboard and the AWS Health dashboard, then re-enable sending.`,
      };
    case 'AccountSuspendedException':
      return {
        code: 'usage_limit_exceeded',
        message: `SES refused ${op}: the account is suspended from sending (${sesMessage}).`,
        hint: `The SES account in region ${context.region} is suspended, usually for a high bounce or complaint rate. See the SES console → Reputation metrics and contact AWS Support to restore sending.`,
      };
    case 'MessageRejected':
      return {
        code: 'message_rejected',
        message: `SES rejected the message: ${sesMessage}`,
        hint: rejectedHint(sesMessage, context),
      };
    case 'MailFromDomainNotVerifiedException':
      return {
        code: 'message_rejected',
        message: `SES rejected the message: the custom MAIL FROM domain is not verified (${sesMessage}).`,
        hint: `The sender identity${context.fromAddress ? ` ${domainOf(context.fromAddress)}` : ''} uses a custom MAIL FROM domain whose MX and SPF records SES cannot find in region ${context.region}. Publish the records shown in the SES console → Identities → Custom MAIL FROM domain, or set "Behavior on MX failure" to use the default MAIL FROM domain.`,
      };
    case 'NotFoundException':
      return {
        code: 'invalid_config',
        message: `SES could not find a resource ${op} refers to: ${sesMessage}`,
        hint: context.configurationSetName
          ? `Check that the configuration set ${context.configurationSetName} exists in region ${context.region} (configurationSetName), and that the identity ARNs in the config are in that region.`
          : `Check the config's resource names and ARNs: each must exist in region ${context.region}.`,
      };
    case 'BadRequestException':
      return {
        code: 'invalid_request_parameters',
        message: `SES refused the request as invalid: ${sesMessage}`,
        hint: `SES says: "${sesMessage}". Fix the addresses or parameters it names.`,
      };
    case 'CredentialsProviderError':
      return {
        code: 'authorization_failed',
        message: `No AWS credentials could be loaded for ${op}: ${sesMessage}`,
        hint: 'Set accessKeyId and accessKeySecret in the config, or provide credentials through the AWS default credential chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a shared profile (AWS_PROFILE), SSO, or a container or instance role.',
      };
  }

  if (name.startsWith('AccessDenied') || name === 'NotAuthorized') {
    return {
      code: 'authorization_failed',
      message: `AWS denied ${op}: ${sesMessage}`,
      hint: `The IAM user or role lacks the permission ${permission} (on the sending identity${context.configurationSetName ? ' and the configuration set' : ''} in region ${context.region}). Add it to its IAM policy.`,
    };
  }
  if (signatureNames.has(name)) {
    return {
      code: 'authorization_failed',
      message: `AWS rejected the request signature for ${op}: ${sesMessage}`,
      hint: `Check accessKeyId and accessKeySecret: the secret does not belong to the key (or was copied with extra characters). The IAM user also needs ${permission}.`,
    };
  }
  if (unknownKeyNames.has(name)) {
    return {
      code: 'authorization_failed',
      message: `AWS did not recognise the credentials for ${op}: ${sesMessage}`,
      hint: `Check accessKeyId (and sessionToken for temporary credentials): AWS does not know this key, or it was deactivated. The IAM user also needs ${permission}.`,
    };
  }
  if (expiredNames.has(name)) {
    return {
      code: 'authorization_failed',
      message: `AWS rejected expired credentials for ${op}: ${sesMessage}`,
      hint: 'The temporary credentials (sessionToken) have expired, or the system clock is off. Refresh the credentials, or leave the keys out of the config so the default credential chain refreshes them.',
    };
  }

  const netCode = networkCode(error);
  if (netCode !== undefined && netCode !== 'ETIMEDOUT') {
    return {
      code: 'provider_unavailable',
      message: `Could not reach SES for ${op}: network error ${netCode}.`,
      hint:
        netCode === 'ENOTFOUND' || netCode === 'EAI_AGAIN'
          ? `DNS lookup of the SES endpoint failed: check the network, the region (${context.region}) and the endpoint setting.`
          : 'The connection to SES failed; it is usually transient. Retry later, and check the network and the endpoint setting if it persists.',
    };
  }
  if (timeoutNames.has(name) || netCode === 'ETIMEDOUT') {
    return {
      code: 'timeout',
      message: `SES did not answer ${op} in time${context.requestTimeoutMs ? ` (requestTimeoutMs ${context.requestTimeoutMs})` : ''}.`,
      hint: 'Retry later, or raise requestTimeoutMs if the network is slow. A send that timed out may still have been delivered.',
    };
  }
  if (name === 'AbortError') {
    return { code: 'aborted', message: `The ${op} call was aborted.` };
  }
  if (
    name === 'InternalServiceErrorException' ||
    name === 'ServiceUnavailable' ||
    name === 'ServiceUnavailableException' ||
    name === 'InternalFailure' ||
    shape.$fault === 'server' ||
    (status !== undefined && status >= 500)
  ) {
    return {
      code: 'provider_unavailable',
      message: `SES failed with a server error on ${op} (${status ? `HTTP ${status}, ` : ''}${name}: ${sesMessage}).`,
      hint: `A transient SES fault; retry later. If it persists, check the AWS Health dashboard for Amazon SES in ${context.region}.`,
    };
  }
  return {
    code: 'general',
    message: `SES ${op} failed: ${name}: ${sesMessage}`,
  };
}

/**
 * The SES exception name; for failures SES never named, what identifies them best: the errno
 * of a network error, or the HTTP status of a response that was not SES JSON (a proxy's 503).
 */
function providerCodeOf(error: unknown): string | undefined {
  const shape = asShape(error);
  const name = text(shape.name);
  // The SDK says `Unknown` when a response carried no exception name (a bare 503, a proxy).
  if ((shape.$fault === 'client' || shape.$fault === 'server') && name !== 'Unknown') return name;
  const netCode = networkCode(error);
  if (netCode !== undefined && netCode !== 'ETIMEDOUT') return netCode;
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === 'number') return `HTTP ${status}`;
  return name;
}

/**
 * The SDK keeps the raw HTTP response on the hidden, read-only `$response` of its errors. Its
 * body is the response stream, which links to the socket and the request: the request headers
 * hold the session token, and an unflushed request body the verification code, for anyone who
 * inspects `cause` with `showHidden` or walks it in a log serializer. The status and headers
 * stay (they carry the request id); the stream goes.
 */
function detachResponseStream(error: unknown): void {
  const response = (error as { $response?: unknown } | null | undefined)?.$response;
  if (typeof response !== 'object' || response === null || !('body' in response)) return;
  const body = (response as { body?: unknown }).body;
  if (typeof body !== 'object' || body === null) return;
  try {
    (response as { body?: unknown }).body = undefined;
  } catch {
    // A frozen response keeps its body; nothing else refers to it once the error is dropped.
  }
}

/**
 * Turns anything the SES client throws into a `ConnectorError` with the right code, `retryable`,
 * an actionable hint, the SES exception name (`providerCode`), request id, attempts and the
 * original error as `cause`.
 */
export function mapSesError(error: unknown, context: SesErrorContext): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  detachResponseStream(error);
  const shape = asShape(error);
  const mapped = classify(error, context);
  const requestId = text(shape.$metadata?.requestId);
  const attempts =
    typeof shape.$metadata?.attempts === 'number' ? shape.$metadata.attempts : undefined;
  const providerCode = providerCodeOf(error);
  return new ConnectorError(mapped.code, mapped.message, {
    provider: context.provider ?? awsSesProvider,
    ...(mapped.hint === undefined ? {} : { hint: mapped.hint }),
    ...(providerCode === undefined ? {} : { providerCode }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(attempts === undefined ? {} : { attempts }),
    cause: error,
  });
}
