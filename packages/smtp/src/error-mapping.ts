import { ConnectorError, type ConnectorErrorCode } from '@org/connector-core';
import { smtpProvider } from './metadata.js';
import { parseSmtpReply, replyCodeOf, type SmtpReply } from './smtp-reply.js';

/** What the mapping needs to know about the call that failed, to write an actionable hint. */
export interface SmtpErrorContext {
  host: string;
  port: number;
  /** Implicit TLS (`secure`) was configured. */
  secure?: boolean;
  /** Credentials were configured. */
  authConfigured?: boolean;
  /** When it fired, the failure is an abort, whatever nodemailer called it. */
  signal?: AbortSignal;
  /** Delivery attempts made so far, this one included. */
  attempts?: number;
  socketTimeoutMs?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  provider?: string;
}

/** The fields nodemailer puts on the errors it raises (see its `NodemailerError`). */
interface NodemailerErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  originalCode?: unknown;
  response?: unknown;
  responseCode?: unknown;
  command?: unknown;
  timeoutType?: unknown;
  reason?: unknown;
  cause?: unknown;
}

interface Mapped {
  code: ConnectorErrorCode;
  message: string;
  hint?: string;
  /** Overrides the code's default, for failures no retry can fix. */
  retryable?: boolean;
}

// Providers word these differently; all mean the account may not send more for now.
const usageLimitPattern =
  /\b(daily|hourly|monthly)\b[^.]*\b(quota|limit)\b|\bsending (quota|limit)\b|\b(message|send|sending) quota\b|\b(sending|account)\b[^.]*\b(paused|suspended|disabled)\b/i;
// A full mailbox is the recipient's quota, not the sender's.
const recipientQuotaPattern = /\bmailbox\b|\bover quota\b|\bstorage\b|\brecipient\b/i;
const throttlePattern =
  /\brate.?limit|\bthrottl|\btoo many (messages|mails|emails|connections|requests|recipients|sessions)\b|\bslow down\b|\bsending rate\b|\btry again later\b.*\brate\b/i;

const certificateErrorCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const tlsVersionPattern =
  /wrong version number|unknown protocol|packet length too long|http request/i;

function asShape(error: unknown): NodemailerErrorShape {
  return typeof error === 'object' && error !== null ? (error as NodemailerErrorShape) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Every code on the error and its causes: nodemailer keeps the system's as `originalCode`. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const shape = asShape(current);
    for (const value of [shape.code, shape.originalCode, shape.reason]) {
      const code = text(value);
      if (code !== undefined) codes.push(code);
    }
    current = shape.cause;
  }
  return codes;
}

/** True when the failure happened while negotiating TLS (certificate, protocol or STARTTLS). */
export function isTlsFailure(error: unknown): boolean {
  const codes = codesOf(error);
  if (codes.includes('ETLS') || codes.some((code) => certificateErrorCodes.has(code))) return true;
  const message = asShape(error).message;
  return typeof message === 'string' && tlsVersionPattern.test(message);
}

function replyOf(shape: NodemailerErrorShape): SmtpReply | undefined {
  const parsed = parseSmtpReply(text(shape.response));
  if (parsed) return parsed;
  const code = shape.responseCode;
  return typeof code === 'number' && code >= 400 ? { code, text: '' } : undefined;
}

/** `MAIL FROM`, `RCPT TO`, `DATA`, `AUTH PLAIN`, … or undefined for connection-level steps. */
function commandOf(shape: NodemailerErrorShape): string | undefined {
  const command = text(shape.command);
  return command === undefined || command === 'CONN' || command === 'API' ? undefined : command;
}

function describeStep(command: string | undefined): string {
  if (command === undefined) return 'the connection';
  if (command.startsWith('AUTH')) return `authentication (${command})`;
  if (command === 'MAIL FROM') return 'the sender (MAIL FROM)';
  if (command === 'RCPT TO') return 'the recipient (RCPT TO)';
  if (command === 'DATA') return 'the message (DATA)';
  return command;
}

function classifyReply(
  reply: SmtpReply,
  command: string | undefined,
  where: string,
  context: SmtpErrorContext,
): Mapped {
  const said = `${replyCodeOf(reply)}${reply.text ? ` ${reply.text}` : ''}`;
  const serverSays = `The server said: "${said}".`;
  const step = describeStep(command);
  const isAuth = command?.startsWith('AUTH') === true;

  if (usageLimitPattern.test(reply.text) && !recipientQuotaPattern.test(reply.text)) {
    return {
      code: 'usage_limit_exceeded',
      message: `${where} refused ${step}: the sending quota is spent or sending is paused (${said}).`,
      hint: `${serverSays} The account behind these credentials may not send more for now; raise its quota or re-enable sending in the provider's dashboard, or wait for the quota window to reset.`,
    };
  }
  if ([530, 534, 535, 538].includes(reply.code) || (isAuth && reply.code >= 500)) {
    const required = reply.code === 530 || (!isAuth && !context.authConfigured);
    return {
      code: 'authorization_failed',
      message: required
        ? `${where} requires authentication before it accepts mail (${said}).`
        : `${where} refused the credentials (${said}).`,
      hint: required
        ? `${serverSays} Set auth: { user, pass } in the config (for a hosted provider, its SMTP credentials, which are often not the account password).`
        : `${serverSays} Check auth.user and auth.pass; many providers issue separate SMTP credentials or app passwords, and some need STARTTLS before they accept a login (requireTLS: true).`,
    };
  }
  if (reply.code >= 400 && reply.code < 500) {
    if (throttlePattern.test(reply.text)) {
      return {
        code: 'rate_limit_exceeded',
        message: `${where} throttled ${step} (${said}).`,
        hint: `${serverSays} You are sending faster than the server allows; slow down and retry later, or set pool.rateLimit to stay under its limit.`,
      };
    }
    return {
      code: 'provider_unavailable',
      message: `${where} deferred ${step} with a temporary failure (${said}).`,
      hint: `${serverSays} A 4xx reply is temporary by definition; retry later. If it persists, check the server's logs or status page.`,
    };
  }
  if (reply.code === 503) {
    return {
      code: 'provider_unavailable',
      message: `${where} answered ${step} out of sequence (${said}).`,
      hint: `${serverSays} The session was in a state the server did not expect; a new connection usually works.`,
    };
  }
  if ([500, 502, 504].includes(reply.code)) {
    return {
      code: 'general',
      message: `${where} does not support a command this client sent (${said}).`,
      hint: `${serverSays} Check that host and port point at an SMTP submission service.`,
    };
  }
  if (reply.code === 501 && (command === 'MAIL FROM' || command === 'RCPT TO')) {
    return {
      code: 'invalid_request_parameters',
      message: `${where} refused the syntax of ${step} (${said}).`,
      hint: `${serverSays} The server may not accept internationalized addresses (SMTPUTF8) or this address form.`,
    };
  }
  if (reply.code === 552 || reply.code === 523) {
    return {
      code: 'message_rejected',
      message: `${where} refused ${step}: the message is too large (${said}).`,
      hint: `${serverSays} Shorten the template or raise the server's message size limit.`,
    };
  }
  const whatToDo =
    command === 'MAIL FROM'
      ? `The server will not accept ${context.authConfigured ? 'these credentials sending as this From address' : 'mail from this From address'}: set fromEmail to an address (or domain) the server lets you send as, verified with your provider if it requires that.`
      : command === 'RCPT TO'
        ? 'The server refused the recipient: the address may not exist, or the server does not relay to it for this client.'
        : 'The server refused the message itself, often by a content or policy filter (SPF, DKIM, DMARC, spam).';
  return {
    code: 'message_rejected',
    message: `${where} rejected ${step} (${said}).`,
    hint: `${serverSays} ${whatToDo}`,
  };
}

function classify(error: unknown, context: SmtpErrorContext): Mapped {
  const shape = asShape(error);
  const where = `The SMTP server ${context.host}:${context.port}`;
  const codes = codesOf(error);
  const message = text(shape.message) ?? String(error);

  if (context.signal?.aborted || codes.includes('EABORT')) {
    return { code: 'aborted', message: 'The SMTP delivery was aborted.' };
  }

  const reply = replyOf(shape);
  if (reply && reply.code >= 400) return classifyReply(reply, commandOf(shape), where, context);

  if (codes.includes('ETIMEDOUT')) {
    const type = text(shape.timeoutType);
    if (type === 'CONNECT_TIMEOUT') {
      return {
        code: 'timeout',
        message: `Could not connect to ${context.host}:${context.port} within ${context.connectionTimeoutMs ?? '?'} ms.`,
        hint: 'A firewall may drop the traffic (many clouds block outbound port 25), or the host is down. Check host and port, or raise connectionTimeoutMs.',
      };
    }
    if (type === 'GREETING_TIMEOUT') {
      return {
        code: 'timeout',
        message: `${where} accepted the connection but sent no greeting within ${context.greetingTimeoutMs ?? '?'} ms.`,
        hint: context.secure
          ? 'The server may expect plain SMTP with STARTTLS: try secure: false (port 587 or 25).'
          : 'The server may expect TLS from the first byte (port 465): try secure: true. Otherwise raise greetingTimeoutMs.',
      };
    }
    return {
      code: 'timeout',
      message: `${where} did not answer in time${context.socketTimeoutMs === undefined ? '' : ` (socketTimeoutMs ${context.socketTimeoutMs})`}.`,
      hint: 'Retry later, or raise socketTimeoutMs if the server is slow to answer. A message that timed out after it was transmitted may still be delivered.',
    };
  }

  const certificateCode = codes.find((code) => certificateErrorCodes.has(code));
  if (certificateCode !== undefined) {
    return {
      code: 'provider_unavailable',
      // Retrying cannot fix a certificate this client does not trust.
      retryable: false,
      message: `The TLS certificate of ${context.host}:${context.port} was not accepted (${certificateCode}).`,
      hint:
        certificateCode === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
        certificateCode === 'HOSTNAME_MISMATCH'
          ? `The certificate is not issued for ${context.host}: connect by the name on the certificate, or set tls.servername to it.`
          : 'For a private or self-signed certificate, put its CA in tls.ca (PEM). Setting tls.rejectUnauthorized to false also works, but lets anyone on the path read the password.',
    };
  }
  if (codes.includes('ETLS') || tlsVersionPattern.test(message)) {
    return {
      code: 'provider_unavailable',
      message: `The TLS handshake with ${context.host}:${context.port} failed: ${message}`,
      hint: tlsVersionPattern.test(message)
        ? context.secure
          ? 'The server does not speak TLS from the first byte on this port: use secure: false on port 587 or 25 (STARTTLS).'
          : 'The server expects TLS from the first byte: use secure: true (port 465).'
        : 'Check the TLS settings (tls.minVersion, tls.ca); ignoreTLS skips STARTTLS for a trusted local relay only.',
    };
  }

  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN') || codes.includes('EDNS')) {
    return {
      code: 'provider_unavailable',
      message: `Could not resolve the SMTP host ${context.host}.`,
      hint: 'Check the host setting and the DNS of this machine.',
    };
  }
  if (codes.includes('ECONNREFUSED')) {
    return {
      code: 'provider_unavailable',
      message: `${context.host}:${context.port} refused the connection.`,
      hint: 'Nothing listens on that port, or a firewall rejects the connection: check host and port (587 for STARTTLS, 465 for implicit TLS, 25 for a relay).',
    };
  }
  if (
    codes.some((code) =>
      ['ECONNECTION', 'ESOCKET', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'].includes(
        code,
      ),
    )
  ) {
    return {
      code: 'provider_unavailable',
      message: `The connection to ${context.host}:${context.port} failed: ${message}`,
      hint: 'The server dropped the connection; it is usually transient. Retry later, and check the server if it persists.',
    };
  }
  if (codes.includes('EAUTH') || codes.includes('ENOAUTH')) {
    return {
      code: 'authorization_failed',
      message: `Could not authenticate with ${context.host}:${context.port}: ${message}`,
      hint: /not support|no supported|does not offer/i.test(message)
        ? 'The server offers no login method this client can use over this connection; many offer AUTH only after STARTTLS (requireTLS: true).'
        : 'Check auth.user and auth.pass.',
    };
  }
  if (codes.includes('EENVELOPE')) {
    return {
      code: 'invalid_request_parameters',
      message: `The envelope was refused before it was sent: ${message}`,
      hint: 'Check the recipient and fromEmail addresses.',
    };
  }
  if (codes.includes('EMESSAGE')) {
    return {
      code: 'message_rejected',
      message: `${where} cannot take this message: ${message}`,
      hint: 'The message is larger than the server accepts; shorten the template.',
    };
  }
  if (codes.includes('EPROTOCOL')) {
    return {
      code: 'general',
      message: `${where} answered something that is not SMTP: ${message}`,
      hint: 'Check that host and port point at an SMTP service.',
    };
  }
  return { code: 'general', message: `The SMTP delivery failed: ${message}` };
}

/** The reply code (`550 5.7.1`), else the most specific error code (`ECONNREFUSED`). */
function providerCodeOf(error: unknown): string | undefined {
  const shape = asShape(error);
  const reply = replyOf(shape);
  if (reply && reply.code >= 400) return replyCodeOf(reply);
  return text(shape.originalCode) ?? text(shape.code);
}

/**
 * Turns anything nodemailer throws into a `ConnectorError` with the right code, `retryable`, an
 * actionable hint (quoting the server's reply), the reply or error code as `providerCode`, the
 * attempts made and the original error as `cause`.
 */
export function mapSmtpError(error: unknown, context: SmtpErrorContext): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  const mapped = classify(error, context);
  const providerCode = providerCodeOf(error);
  return new ConnectorError(mapped.code, mapped.message, {
    provider: context.provider ?? smtpProvider,
    ...(mapped.retryable === undefined ? {} : { retryable: mapped.retryable }),
    ...(mapped.hint === undefined ? {} : { hint: mapped.hint }),
    ...(providerCode === undefined ? {} : { providerCode }),
    ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
    cause: error,
  });
}
