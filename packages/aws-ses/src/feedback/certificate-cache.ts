import { type KeyObject, X509Certificate } from 'node:crypto';
import { FeedbackError } from './feedback-error.js';

/** Fetches a PEM certificate; the default uses the global `fetch`. */
export type CertificateFetch = (url: URL, signal: AbortSignal) => Promise<string>;

export interface CertificateCacheOptions {
  fetch?: CertificateFetch;
  /** How long a fetched certificate is reused. Default 24 hours. */
  ttlMs?: number;
  /** How many certificates are kept. Default 100. */
  maxEntries?: number;
  /** Per-fetch time limit. Default 5 000 ms. */
  timeoutMs?: number;
  now?: () => number;
}

export interface CertificateCache {
  /** The certificate's RSA public key; fetched once per URL and TTL, concurrent callers share it. */
  publicKey(url: URL): Promise<KeyObject>;
  readonly size: number;
  clear(): void;
}

const maxPemBytes = 64 * 1024;

/**
 * Redirects are refused: a trusted host answering with a redirect elsewhere would otherwise pick
 * the key. The body is read as text and capped.
 */
const defaultFetch: CertificateFetch = async (url, signal) => {
  const response = await fetch(url, { redirect: 'error', signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const pem = await response.text();
  if (pem.length > maxPemBytes) throw new Error('the certificate is too large');
  return pem;
};

interface Entry {
  key: Promise<KeyObject>;
  expires: number;
}

export function createCertificateCache(options: CertificateCacheOptions = {}): CertificateCache {
  const fetchPem = options.fetch ?? defaultFetch;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 100;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const load = async (url: URL): Promise<KeyObject> => {
    let pem: string;
    try {
      pem = await fetchPem(url, AbortSignal.timeout(timeoutMs));
    } catch (error) {
      throw new FeedbackError(
        'certificate_unavailable',
        `The SNS signing certificate could not be fetched from ${url.host}: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}.`,
        { cause: error },
      );
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pem);
    } catch (error) {
      throw new FeedbackError(
        'certificate_unavailable',
        `The document at the SigningCertURL on ${url.host} is not a PEM X.509 certificate.`,
        { cause: error },
      );
    }
    const at = now();
    if (Date.parse(certificate.validFrom) > at || Date.parse(certificate.validTo) < at) {
      throw new FeedbackError(
        'invalid_signature',
        `The SNS signing certificate from ${url.host} is not valid now (valid ${certificate.validFrom} to ${certificate.validTo}).`,
      );
    }
    if (certificate.publicKey.asymmetricKeyType !== 'rsa') {
      throw new FeedbackError(
        'invalid_signature',
        'The SNS signing certificate does not hold an RSA key; SNS signs with RSA.',
      );
    }
    return certificate.publicKey;
  };

  return {
    publicKey(url) {
      const key = url.href;
      const at = now();
      const cached = entries.get(key);
      if (cached && cached.expires > at) return cached.key;
      entries.delete(key);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      const pending = load(url);
      entries.set(key, { key: pending, expires: at + ttlMs });
      // A failed fetch is not cached: the next message tries again.
      pending.catch(() => {
        if (entries.get(key)?.key === pending) entries.delete(key);
      });
      return pending;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
