import { generate } from 'selfsigned';

/** A PEM certificate and its private key. */
export interface CertificatePair {
  cert: string;
  key: string;
}

const oneDayMs = 24 * 60 * 60 * 1_000;

/**
 * A throwaway self-signed certificate for `localhost`, `127.0.0.1` and `::1`, valid for a day:
 * made at test time so no key is ever committed. Trust it on the client with `tls.ca`.
 */
export async function createSelfSignedCertificate(
  hosts: readonly string[] = ['localhost'],
): Promise<CertificatePair> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    // EC keys take milliseconds; RSA 2048 takes far longer on a busy CI machine.
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + oneDayMs),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          ...hosts.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
