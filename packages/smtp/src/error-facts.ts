import {
  type BaseErrorContext,
  codesInChain,
  fieldOf,
  type NetworkErrorClass,
  networkErrorClassOf,
  textOf,
} from '@org/connector-core/provider';
import { parseSmtpReply, replyCodeOf, type SmtpReply } from './smtp-reply.js';

/** What the mapping needs to know about the call that failed, to write an actionable hint. */
export interface SmtpErrorContext extends BaseErrorContext {
  host: string;
  port: number;
  /** Implicit TLS (`secure`) was configured. */
  secure?: boolean;
  /** Credentials were configured. */
  authConfigured?: boolean;
  /** Delivery attempts made so far, this one included. */
  attempts?: number;
  socketTimeoutMs?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
}

/** What the tables read off a nodemailer error (see its `NodemailerError`), once. */
export interface SmtpFacts {
  /** Every code on the error and its causes: nodemailer keeps the system's as `originalCode`. */
  codes: string[];
  /** The network classes of those codes (`dns`, `refused`, …). */
  network: ReadonlySet<NetworkErrorClass>;
  message: string;
  /** The server's reply, when the failure is one (code ≥ 400). */
  reply: SmtpReply | undefined;
  /** `MAIL FROM`, `RCPT TO`, `DATA`, `AUTH PLAIN`, … or undefined for connection-level steps. */
  command: string | undefined;
  timeoutType: string | undefined;
  certificateCode: string | undefined;
  /** `The SMTP server host:port`, the subject of most messages. */
  where: string;
}

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

export const tlsVersionPattern =
  /wrong version number|unknown protocol|packet length too long|http request/i;

const codeFields = ['code', 'originalCode', 'reason'];

function replyOf(error: unknown): SmtpReply | undefined {
  const parsed = parseSmtpReply(textOf(fieldOf(error, 'response')));
  if (parsed && parsed.code >= 400) return parsed;
  const code = fieldOf(error, 'responseCode');
  return typeof code === 'number' && code >= 400 ? { code, text: '' } : undefined;
}

export function smtpFactsOf(error: unknown, context: SmtpErrorContext): SmtpFacts {
  const codes = codesInChain(error, codeFields);
  const command = textOf(fieldOf(error, 'command'));
  const network = new Set<NetworkErrorClass>();
  for (const code of codes) {
    const found = networkErrorClassOf(code);
    if (found !== undefined) network.add(found);
  }
  return {
    codes,
    network,
    message: textOf(fieldOf(error, 'message')) ?? String(error),
    reply: replyOf(error),
    command: command === 'CONN' || command === 'API' ? undefined : command,
    timeoutType: textOf(fieldOf(error, 'timeoutType')),
    certificateCode: codes.find((code) => certificateErrorCodes.has(code)),
    where: `The SMTP server ${context.host}:${context.port}`,
  };
}

/** True when the failure happened while negotiating TLS (certificate, protocol or STARTTLS). */
export function isTlsFailure(error: unknown): boolean {
  const codes = codesInChain(error, codeFields);
  if (codes.includes('ETLS') || codes.some((code) => certificateErrorCodes.has(code))) return true;
  const message = fieldOf(error, 'message');
  return typeof message === 'string' && tlsVersionPattern.test(message);
}

/** The reply code (`550 5.7.1`), else the most specific error code (`ECONNREFUSED`). */
export function smtpProviderCodeOf(facts: SmtpFacts, error: unknown): string | undefined {
  if (facts.reply) return replyCodeOf(facts.reply);
  return textOf(fieldOf(error, 'originalCode')) ?? textOf(fieldOf(error, 'code'));
}
