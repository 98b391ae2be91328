import {
  type BaseErrorContext,
  createErrorMapper,
  type ErrorRule,
  fieldOf,
  type NetworkFailure,
  networkFailureOf,
  textOf,
} from '@org/connector-core/provider';
import { awsSesProvider } from './metadata.js';
import { domainOf, rejectedHint } from './rejected-hint.js';

/** What the mapping needs to know about the call that failed, to write an actionable hint. */
export interface SesErrorContext extends BaseErrorContext {
  /** The SES operation, e.g. `SendEmail` (names the IAM permission `ses:SendEmail`). */
  operation: string;
  region: string;
  requestTimeoutMs?: number;
  /** The From address, to tell an unverified sender from an unverified sandbox recipient. */
  fromAddress?: string;
  configurationSetName?: string;
}

/** What the table reads off an SDK error, once. */
interface SesFacts {
  name: string;
  /** SES's message, or the gist of an SDK deserialization error. */
  message: string;
  status: number | undefined;
  fault: unknown;
  network: NetworkFailure | undefined;
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
const timeoutNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const serverErrorNames = new Set([
  'InternalServiceErrorException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
]);

const dailyQuotaPattern = /daily message quota exceeded/i;

/** `ses:SendEmail` for `SendEmail`. */
export function sesPermission(operation: string): string {
  return `ses:${operation}`;
}

type Rule = ErrorRule<SesFacts, SesErrorContext>;
const named =
  (...names: string[]) =>
  (facts: SesFacts) =>
    names.includes(facts.name);
const inSet = (set: ReadonlySet<string>) => (facts: SesFacts) => set.has(facts.name);
const isConnectionFailure = (facts: SesFacts) =>
  facts.network !== undefined && facts.network.class !== 'timeout';

/** The SES table, most specific first: the SDK's exception name, then status and errno. */
const sesRules: readonly Rule[] = [
  {
    // SES may report it as throttling, so before the throttling row.
    when: (f) => dailyQuotaPattern.test(f.message),
    code: 'usage_limit_exceeded',
    message: (f, c) =>
      `SES refused ${c.operation}: the account's 24-hour sending quota is spent (${f.name}: ${f.message}).`,
    hint: (_, c) =>
      `The daily quota is exhausted in region ${c.region}; sending resumes as the rolling 24-hour window frees up. See the quota in the SES console → Account dashboard (or run \`ses-connector check\`), and request a higher quota through a service quota increase.`,
  },
  {
    when: (f) => throttlingNames.has(f.name) || f.status === 429,
    code: 'rate_limit_exceeded',
    message: (f, c) => `SES throttled ${c.operation} (${f.name}: ${f.message}).`,
    hint: (_, c) =>
      `You are sending faster than the account's maximum send rate in region ${c.region}. Slow down and retry later, or request a higher sending rate (SES console → Account dashboard → Request a quota increase).`,
  },
  {
    when: named('SendingPausedException'),
    code: 'usage_limit_exceeded',
    message: (f, c) => `SES refused ${c.operation}: sending is paused (${f.message}).`,
    hint: (_, c) =>
      c.configurationSetName
        ? `Sending is paused for the account or for the configuration set ${c.configurationSetName} in region ${c.region}. Check the account status in the SES console → Account dashboard, and the configuration set's sending status (aws sesv2 get-configuration-set).`
        : `Sending is paused for this account in region ${c.region} (often after a reputation review). Check the SES console → Account dashboard and the AWS Health dashboard, then re-enable sending.`,
  },
  {
    when: named('AccountSuspendedException'),
    code: 'usage_limit_exceeded',
    message: (f, c) =>
      `SES refused ${c.operation}: the account is suspended from sending (${f.message}).`,
    hint: (_, c) =>
      `The SES account in region ${c.region} is suspended, usually for a high bounce or complaint rate. See the SES console → Reputation metrics and contact AWS Support to restore sending.`,
  },
  {
    when: named('MessageRejected'),
    code: 'message_rejected',
    message: (f) => `SES rejected the message: ${f.message}`,
    hint: (f, c) => rejectedHint(f.message, c),
  },
  {
    when: named('MailFromDomainNotVerifiedException'),
    code: 'message_rejected',
    message: (f) =>
      `SES rejected the message: the custom MAIL FROM domain is not verified (${f.message}).`,
    hint: (_, c) =>
      `The sender identity${c.fromAddress ? ` ${domainOf(c.fromAddress)}` : ''} uses a custom MAIL FROM domain whose MX and SPF records SES cannot find in region ${c.region}. Publish the records shown in the SES console → Identities → Custom MAIL FROM domain, or set "Behavior on MX failure" to use the default MAIL FROM domain.`,
  },
  {
    when: named('NotFoundException'),
    code: 'invalid_config',
    message: (f, c) => `SES could not find a resource ${c.operation} refers to: ${f.message}`,
    hint: (_, c) =>
      c.configurationSetName
        ? `Check that the configuration set ${c.configurationSetName} exists in region ${c.region} (configurationSetName), and that the identity ARNs in the config are in that region.`
        : `Check the config's resource names and ARNs: each must exist in region ${c.region}.`,
  },
  {
    when: named('BadRequestException'),
    code: 'invalid_request_parameters',
    message: (f) => `SES refused the request as invalid: ${f.message}`,
    hint: (f) => `SES says: "${f.message}". Fix the addresses or parameters it names.`,
  },
  {
    when: named('CredentialsProviderError'),
    code: 'authorization_failed',
    message: (f, c) => `No AWS credentials could be loaded for ${c.operation}: ${f.message}`,
    hint: () =>
      'Set accessKeyId and accessKeySecret in the config, or provide credentials through the AWS default credential chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a shared profile (AWS_PROFILE), SSO, or a container or instance role.',
  },
  {
    when: (f) => f.name.startsWith('AccessDenied') || f.name === 'NotAuthorized',
    code: 'authorization_failed',
    message: (f, c) => `AWS denied ${c.operation}: ${f.message}`,
    hint: (_, c) =>
      `The IAM user or role lacks the permission ${sesPermission(c.operation)} (on the sending identity${c.configurationSetName ? ' and the configuration set' : ''} in region ${c.region}). Add it to its IAM policy.`,
  },
  {
    when: inSet(signatureNames),
    code: 'authorization_failed',
    message: (f, c) => `AWS rejected the request signature for ${c.operation}: ${f.message}`,
    hint: (_, c) =>
      `Check accessKeyId and accessKeySecret: the secret does not belong to the key (or was copied with extra characters). The IAM user also needs ${sesPermission(c.operation)}.`,
  },
  {
    when: inSet(unknownKeyNames),
    code: 'authorization_failed',
    message: (f, c) => `AWS did not recognise the credentials for ${c.operation}: ${f.message}`,
    hint: (_, c) =>
      `Check accessKeyId (and sessionToken for temporary credentials): AWS does not know this key, or it was deactivated. The IAM user also needs ${sesPermission(c.operation)}.`,
  },
  {
    when: inSet(expiredNames),
    code: 'authorization_failed',
    message: (f, c) => `AWS rejected expired credentials for ${c.operation}: ${f.message}`,
    hint: () =>
      'The temporary credentials (sessionToken) have expired, or the system clock is off. Refresh the credentials, or leave the keys out of the config so the default credential chain refreshes them.',
  },
  {
    when: isConnectionFailure,
    code: 'provider_unavailable',
    message: (f, c) => `Could not reach SES for ${c.operation}: network error ${f.network?.code}.`,
    hint: (f, c) =>
      f.network?.class === 'dns'
        ? `DNS lookup of the SES endpoint failed: check the network, the region (${c.region}) and the endpoint setting.`
        : 'The connection to SES failed; it is usually transient. Retry later, and check the network and the endpoint setting if it persists.',
  },
  {
    when: (f) => timeoutNames.has(f.name) || f.network?.class === 'timeout',
    code: 'timeout',
    message: (_, c) =>
      `SES did not answer ${c.operation} in time${c.requestTimeoutMs ? ` (requestTimeoutMs ${c.requestTimeoutMs})` : ''}.`,
    hint: () =>
      'Retry later, or raise requestTimeoutMs if the network is slow. A send that timed out may still have been delivered.',
  },
  {
    when: named('AbortError'),
    code: 'aborted',
    message: (_, c) => `The ${c.operation} call was aborted.`,
  },
  {
    when: (f) =>
      serverErrorNames.has(f.name) ||
      f.fault === 'server' ||
      (f.status !== undefined && f.status >= 500),
    code: 'provider_unavailable',
    message: (f, c) =>
      `SES failed with a server error on ${c.operation} (${f.status ? `HTTP ${f.status}, ` : ''}${f.name}: ${f.message}).`,
    hint: (_, c) =>
      `A transient SES fault; retry later. If it persists, check the AWS Health dashboard for Amazon SES in ${c.region}.`,
  },
];

function factsOf(error: unknown): SesFacts {
  const name = textOf(fieldOf(error, 'name')) ?? 'Error';
  const raw = textOf(fieldOf(error, 'message')) ?? name;
  const status = fieldOf(fieldOf(error, '$metadata'), 'httpStatusCode');
  return {
    name,
    // The SDK's deserialization errors quote the unparseable body and a debugging tip; keep the gist.
    message: raw.includes('Deserialization error')
      ? `the response was not SES JSON (${raw.split('\n')[0]})`
      : raw,
    status: typeof status === 'number' ? status : undefined,
    fault: fieldOf(error, '$fault'),
    network: networkFailureOf(error),
  };
}

/**
 * The SES exception name; for failures SES never named, what identifies them best: the errno
 * of a network error, or the HTTP status of a response that was not SES JSON (a proxy's 503).
 */
function providerCodeOf(facts: SesFacts, error: unknown): string | undefined {
  const name = textOf(fieldOf(error, 'name'));
  // The SDK says `Unknown` when a response carried no exception name (a bare 503, a proxy).
  if ((facts.fault === 'client' || facts.fault === 'server') && name !== 'Unknown') return name;
  if (isConnectionFailure(facts)) return facts.network?.code;
  if (facts.status !== undefined) return `HTTP ${facts.status}`;
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
  const response = fieldOf(error, '$response');
  if (typeof response !== 'object' || response === null || !('body' in response)) return;
  if (typeof fieldOf(response, 'body') !== 'object' || fieldOf(response, 'body') === null) return;
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
export const mapSesError = createErrorMapper<SesFacts, SesErrorContext>({
  provider: awsSesProvider,
  prepare: detachResponseStream,
  facts: factsOf,
  rules: sesRules,
  fallback: {
    code: 'general',
    message: (f, c) => `SES ${c.operation} failed: ${f.name}: ${f.message}`,
  },
  abortedMessage: (c) => `The ${c.operation} call was aborted: the caller's AbortSignal fired.`,
  details: (facts, error) => {
    const metadata = fieldOf(error, '$metadata');
    const requestId = textOf(fieldOf(metadata, 'requestId'));
    const attempts = fieldOf(metadata, 'attempts');
    const providerCode = providerCodeOf(facts, error);
    return {
      ...(providerCode === undefined ? {} : { providerCode }),
      ...(requestId === undefined ? {} : { requestId }),
      ...(typeof attempts === 'number' ? { attempts } : {}),
    };
  },
});
