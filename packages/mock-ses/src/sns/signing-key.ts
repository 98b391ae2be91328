import { createHash } from 'node:crypto';

export interface SnsSigningKey {
  /** PEM of the RSA signing certificate, issued by `caPem`. */
  certPem: string;
  /** PEM private key. */
  keyPem: string;
  /** The mock's own test CA, made at runtime: nothing secret is ever committed. */
  caPem: string;
  /** A stable name for the certificate file, like SNS's `SimpleNotificationService-<hash>.pem`. */
  fileName: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A fresh test CA and an RSA 2048 certificate signed by it (SNS signs with RSA). Made on first
 * use, about 0.4 s; `selfsigned` is loaded only then.
 */
export async function createSnsSigningKey(now: number): Promise<SnsSigningKey> {
  const { generate } = await import('selfsigned');
  const validity = {
    notBeforeDate: new Date(now - dayMs),
    notAfterDate: new Date(now + 30 * dayMs),
  };
  const ca = await generate(
    [{ name: 'commonName', value: 'mock-ses SNS test CA (not trusted anywhere)' }],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      ...validity,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    },
  );
  const leaf = await generate([{ name: 'commonName', value: 'sns.amazonaws.com' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    ...validity,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
    ],
  });
  const hash = createHash('sha256').update(leaf.cert).digest('hex').slice(0, 32);
  return {
    certPem: leaf.cert,
    keyPem: leaf.private,
    caPem: ca.cert,
    fileName: `SimpleNotificationService-${hash}.pem`,
  };
}
