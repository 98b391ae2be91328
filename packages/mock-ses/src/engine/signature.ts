import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { MockCredentials } from '../types.js';
import { SesError } from './ses-error.js';

const SIGNING_SERVICE = 'ses';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
/** How far `x-amz-date` may be from the receiver's clock, either way, as at SES. */
export const MAX_SIGNATURE_SKEW_MS = 5 * 60 * 1000;

interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const invalidSignature = (message: string) =>
  new SesError(403, 'InvalidSignatureException', message);

function parseAuthorization(header: string): ParsedAuthorization {
  const algorithm = header.trim().split(/\s+/, 1)[0] ?? '';
  if (algorithm === 'AWS4-ECDSA-P256-SHA256') {
    throw invalidSignature(
      'SigV4a (AWS4-ECDSA-P256-SHA256) is not supported by @org/mock-ses. Remove EndpointId from the request so the client signs with SigV4 (AWS4-HMAC-SHA256).',
    );
  }
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw new SesError(
      400,
      'IncompleteSignatureException',
      `Unsupported authorization algorithm '${algorithm}'; expected AWS4-HMAC-SHA256.`,
    );
  }
  const params = new Map<string, string>();
  for (const part of header.slice(algorithm.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = params.get('Credential');
  const signedHeaders = params.get('SignedHeaders');
  const signature = params.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw new SesError(
      400,
      'IncompleteSignatureException',
      "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.",
    );
  }
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] =
    credential.split('/');
  if (!accessKeyId || terminator !== 'aws4_request') {
    throw new SesError(
      400,
      'IncompleteSignatureException',
      'Credential must have the form <AccessKeyId>/<YYYYMMDD>/<region>/ses/aws4_request.',
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature,
  };
}

/** `20240102T030405Z` → Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** `20240102T030405Z`, the form SigV4 dates (and SES's messages) use. */
function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * SES's refusal of a signature dated more than 5 minutes from its clock, word for word: the
 * SDK reads the answer's `date` header, corrects its clock offset and retries once.
 */
function assertWithinWindow(signed: Date, nowMs: number, sent: string): void {
  const skew = signed.getTime() - nowMs;
  if (skew < -MAX_SIGNATURE_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${sent} is now earlier than ${amzDate(nowMs - MAX_SIGNATURE_SKEW_MS)} (${amzDate(nowMs)} - 5 min.)`,
    );
  }
  if (skew > MAX_SIGNATURE_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${sent} is still later than ${amzDate(nowMs + MAX_SIGNATURE_SKEW_MS)} (${amzDate(nowMs)} + 5 min.)`,
    );
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface SignedRequest {
  method: string;
  /** Percent-encoded, without the query string. */
  path: string;
  /** Without its `?`. */
  query: string;
  /** Lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** `host[:port]` the request went to: the signed `host` when no header carries one. */
  authority: string;
  body: Uint8Array;
}

function hostnameOf(authority: string): string {
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1);
  const colon = authority.lastIndexOf(':');
  return colon < 0 ? authority : authority.slice(0, colon);
}

/**
 * Re-signs the request with the secret of its access key, over its signed headers only, and
 * compares. `x-amz-content-sha256` is dropped first so the body hash is recomputed from the
 * body actually received: otherwise a tampered body would verify.
 * Returns the access key id on success; throws the SesError SES would answer with.
 */
export async function verifySignature(
  request: SignedRequest,
  credentials: readonly MockCredentials[],
  region: string,
  nowMs: number,
): Promise<string> {
  const header = request.headers.authorization;
  if (!header) {
    throw new SesError(
      403,
      'MissingAuthenticationTokenException',
      'Request is missing Authentication Token',
    );
  }
  const auth = parseAuthorization(header);
  const known = credentials.find((c) => c.accessKeyId === auth.accessKeyId);
  if (!known) throw new SesError(403, 'UnrecognizedClientException', INVALID_TOKEN);
  if (auth.service !== SIGNING_SERVICE) {
    throw invalidSignature(`Credential should be scoped to correct service: '${SIGNING_SERVICE}'.`);
  }
  if (auth.region !== region) {
    throw invalidSignature(`Credential should be scoped to a valid region, not '${auth.region}'.`);
  }
  // A token must match the key's own; a token sent with a long-term key (none configured) is
  // as invalid as a wrong one: STS never issued it for that key.
  const token = request.headers['x-amz-security-token'];
  if (known.sessionToken !== undefined || token !== undefined) {
    if (
      token === undefined ||
      known.sessionToken === undefined ||
      !constantTimeEqual(token, known.sessionToken)
    ) {
      throw new SesError(403, 'UnrecognizedClientException', INVALID_TOKEN);
    }
  }
  const sentDate = request.headers['x-amz-date'];
  const signingDate = parseAmzDate(sentDate);
  if (!signingDate || Number.isNaN(signingDate.getTime())) {
    throw new SesError(
      400,
      'IncompleteSignatureException',
      "Authorization requires a valid 'x-amz-date' header in the form YYYYMMDD'T'HHMMSS'Z'.",
    );
  }
  const sent = sentDate as string;
  if (auth.scopeDate !== sent.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate.slice(0, 8)}' != '${sent.slice(0, 8)}', from '${sent}'.`,
    );
  }
  assertWithinWindow(signingDate, nowMs, sent);

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    if (name === 'x-amz-content-sha256') continue;
    // Own properties only: a signed header named `constructor` is just an absent header.
    const sent = Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
    const value = name === 'host' ? (sent ?? request.authority) : sent;
    if (value !== undefined) headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(request.query)) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [existing, value].flat();
  }

  const signer = new SignatureV4({
    credentials: { accessKeyId: known.accessKeyId, secretAccessKey: known.secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    applyChecksum: auth.signedHeaders.includes('x-amz-content-sha256'),
  });
  const signed = await signer.sign(
    {
      method: request.method,
      // Not part of what SigV4 signs (the `host` header is), but the signer's type wants them.
      protocol: 'http:',
      hostname: hostnameOf(request.authority),
      path: request.path,
      query,
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected =
    /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? ''))?.[1] ?? '';
  if (!constantTimeEqual(expected, auth.signature)) throw invalidSignature(SIGNATURE_MISMATCH);
  return auth.accessKeyId;
}
