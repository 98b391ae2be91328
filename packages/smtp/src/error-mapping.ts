import { createErrorMapper, type ErrorRule } from '@org/connector-core/provider';
import {
  type SmtpErrorContext,
  type SmtpFacts,
  smtpFactsOf,
  smtpProviderCodeOf,
  tlsVersionPattern,
} from './error-facts.js';
import { smtpProvider } from './metadata.js';
import { replyRules } from './reply-rules.js';

export { isTlsFailure, type SmtpErrorContext } from './error-facts.js';

type Rule = ErrorRule<SmtpFacts, SmtpErrorContext>;
const has =
  (...codes: string[]) =>
  (f: SmtpFacts) =>
    codes.some((code) => f.codes.includes(code));
const timedOut = (type?: string) => (f: SmtpFacts) =>
  f.codes.includes('ETIMEDOUT') && (type === undefined || f.timeoutType === type);
const target = (c: SmtpErrorContext) => `${c.host}:${c.port}`;

/** Failures below the SMTP dialogue: timeouts, TLS, DNS, sockets, nodemailer's own checks. */
const connectionRules: readonly Rule[] = [
  {
    when: timedOut('CONNECT_TIMEOUT'),
    code: 'timeout',
    message: (_, c) =>
      `Could not connect to ${target(c)} within ${c.connectionTimeoutMs ?? '?'} ms.`,
    hint: () =>
      'A firewall may drop the traffic (many clouds block outbound port 25), or the host is down. Check host and port, or raise connectionTimeoutMs.',
  },
  {
    when: timedOut('GREETING_TIMEOUT'),
    code: 'timeout',
    message: (f, c) =>
      `${f.where} accepted the connection but sent no greeting within ${c.greetingTimeoutMs ?? '?'} ms.`,
    hint: (_, c) =>
      c.secure
        ? 'The server may expect plain SMTP with STARTTLS: try secure: false (port 587 or 25).'
        : 'The server may expect TLS from the first byte (port 465): try secure: true. Otherwise raise greetingTimeoutMs.',
  },
  {
    when: timedOut(),
    code: 'timeout',
    message: (f, c) =>
      `${f.where} did not answer in time${c.socketTimeoutMs === undefined ? '' : ` (socketTimeoutMs ${c.socketTimeoutMs})`}.`,
    hint: () =>
      'Retry later, or raise socketTimeoutMs if the server is slow to answer. A message that timed out after it was transmitted may still be delivered.',
  },
  {
    when: (f) => f.certificateCode !== undefined,
    code: 'provider_unavailable',
    // Retrying cannot fix a certificate this client does not trust.
    retryable: false,
    message: (f, c) =>
      `The TLS certificate of ${target(c)} was not accepted (${f.certificateCode}).`,
    hint: (f, c) =>
      f.certificateCode === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
      f.certificateCode === 'HOSTNAME_MISMATCH'
        ? `The certificate is not issued for ${c.host}: connect by the name on the certificate, or set tls.servername to it.`
        : 'For a private or self-signed certificate, put its CA in tls.ca (PEM). Setting tls.rejectUnauthorized to false also works, but lets anyone on the path read the password.',
  },
  {
    when: (f) => f.codes.includes('ETLS') || tlsVersionPattern.test(f.message),
    code: 'provider_unavailable',
    message: (f, c) => `The TLS handshake with ${target(c)} failed: ${f.message}`,
    hint: (f, c) =>
      tlsVersionPattern.test(f.message)
        ? c.secure
          ? 'The server does not speak TLS from the first byte on this port: use secure: false on port 587 or 25 (STARTTLS).'
          : 'The server expects TLS from the first byte: use secure: true (port 465).'
        : 'Check the TLS settings (tls.minVersion, tls.ca); ignoreTLS skips STARTTLS for a trusted local relay only.',
  },
  {
    when: (f) => f.network.has('dns') || f.codes.includes('EDNS'),
    code: 'provider_unavailable',
    message: (_, c) => `Could not resolve the SMTP host ${c.host}.`,
    hint: () => 'Check the host setting and the DNS of this machine.',
  },
  {
    when: (f) => f.network.has('refused'),
    code: 'provider_unavailable',
    message: (_, c) => `${target(c)} refused the connection.`,
    hint: () =>
      'Nothing listens on that port, or a firewall rejects the connection: check host and port (587 for STARTTLS, 465 for implicit TLS, 25 for a relay).',
  },
  {
    when: (f) =>
      f.network.has('reset') || f.network.has('unreachable') || has('ECONNECTION', 'ESOCKET')(f),
    code: 'provider_unavailable',
    message: (f, c) => `The connection to ${target(c)} failed: ${f.message}`,
    hint: () =>
      'The server dropped the connection; it is usually transient. Retry later, and check the server if it persists.',
  },
  {
    when: has('EAUTH', 'ENOAUTH'),
    code: 'authorization_failed',
    message: (f, c) => `Could not authenticate with ${target(c)}: ${f.message}`,
    hint: (f) =>
      /not support|no supported|does not offer/i.test(f.message)
        ? 'The server offers no login method this client can use over this connection; many offer AUTH only after STARTTLS (requireTLS: true).'
        : 'Check auth.user and auth.pass.',
  },
  {
    when: has('EENVELOPE'),
    code: 'invalid_request_parameters',
    message: (f) => `The envelope was refused before it was sent: ${f.message}`,
    hint: () => 'Check the recipient and fromEmail addresses.',
  },
  {
    when: has('EMESSAGE'),
    code: 'message_rejected',
    message: (f) => `${f.where} cannot take this message: ${f.message}`,
    hint: () => 'The message is larger than the server accepts; shorten the template.',
  },
  {
    when: has('EPROTOCOL'),
    code: 'general',
    message: (f) => `${f.where} answered something that is not SMTP: ${f.message}`,
    hint: () => 'Check that host and port point at an SMTP service.',
  },
];

/**
 * Turns anything nodemailer throws into a `ConnectorError` with the right code, `retryable`, an
 * actionable hint (quoting the server's reply), the reply or error code as `providerCode`, the
 * attempts made and the original error as `cause`.
 */
export const mapSmtpError = createErrorMapper<SmtpFacts, SmtpErrorContext>({
  provider: smtpProvider,
  facts: smtpFactsOf,
  rules: [
    { when: has('EABORT'), code: 'aborted', message: () => 'The SMTP delivery was aborted.' },
    ...replyRules,
    ...connectionRules,
  ],
  fallback: { code: 'general', message: (f) => `The SMTP delivery failed: ${f.message}` },
  abortedMessage: () => 'The SMTP delivery was aborted.',
  details: (facts, error, context) => {
    const providerCode = smtpProviderCodeOf(facts, error);
    return {
      ...(providerCode === undefined ? {} : { providerCode }),
      ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
    };
  },
});
