import { verify } from 'node:crypto';
import type { CertificateCache } from './certificate-cache.js';
import { FeedbackError } from './feedback-error.js';
import type { SnsEnvelope } from './sns-envelope.js';
import { snsStringToSign } from './string-to-sign.js';
import { type SnsUrlPolicy, trustedSnsUrl } from './trusted-sns-url.js';

/** SNS signature versions: `1` is SHA1withRSA (the topic default), `2` is SHA256withRSA. */
export type SnsSignatureVersion = '1' | '2';

const digestOf: Record<SnsSignatureVersion, string> = { '1': 'sha1', '2': 'sha256' };

export interface VerifySnsSignatureOptions {
  certificates: CertificateCache;
  urlPolicy: SnsUrlPolicy;
  /** The versions accepted; a topic set to `2` should accept only `2`, so nothing can downgrade it. */
  signatureVersions: readonly SnsSignatureVersion[];
}

/**
 * Verifies an SNS message's signature against the certificate at its SigningCertURL. The
 * SignatureVersion field picks the digest; it is itself not signed, which is why a handler for a
 * version-2 topic must refuse version 1 (see `signatureVersions`).
 */
export async function verifySnsSignature(
  envelope: SnsEnvelope,
  options: VerifySnsSignatureOptions,
): Promise<void> {
  const version = envelope.SignatureVersion as SnsSignatureVersion;
  if (!options.signatureVersions.includes(version)) {
    throw new FeedbackError(
      'unsupported_signature_version',
      `SignatureVersion ${JSON.stringify(envelope.SignatureVersion.slice(0, 20))} is not accepted; this handler accepts ${options.signatureVersions.join(' and ')}.`,
    );
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(envelope.Signature)) {
    throw new FeedbackError('invalid_signature', 'The Signature is not base64.');
  }
  const url = trustedSnsUrl(envelope.SigningCertURL, 'SigningCertURL', options.urlPolicy);
  const key = await options.certificates.publicKey(url);
  let valid = false;
  try {
    valid = verify(
      digestOf[version],
      Buffer.from(snsStringToSign(envelope), 'utf8'),
      key,
      Buffer.from(envelope.Signature, 'base64'),
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new FeedbackError(
      'invalid_signature',
      `The SNS signature (version ${version}) does not match the message: it was altered, or not sent by SNS.`,
    );
  }
}
