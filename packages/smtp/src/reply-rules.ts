import type { ErrorRule } from '@org/connector-core/provider';
import type { SmtpErrorContext, SmtpFacts } from './error-facts.js';
import { replyCodeOf, type SmtpReply } from './smtp-reply.js';

type Rule = ErrorRule<SmtpFacts, SmtpErrorContext>;

// Providers word these differently; all mean the account may not send more for now.
const usageLimitPattern =
  /\b(daily|hourly|monthly)\b[^.]*\b(quota|limit)\b|\bsending (quota|limit)\b|\b(message|send|sending) quota\b|\b(sending|account)\b[^.]*\b(paused|suspended|disabled)\b/i;
// A full mailbox is the recipient's quota, not the sender's.
const recipientQuotaPattern = /\bmailbox\b|\bover quota\b|\bstorage\b|\brecipient\b/i;
const throttlePattern =
  /\brate.?limit|\bthrottl|\btoo many (messages|mails|emails|connections|requests|recipients|sessions)\b|\bslow down\b|\bsending rate\b|\btry again later\b.*\brate\b/i;

function said(reply: SmtpReply): string {
  return `${replyCodeOf(reply)}${reply.text ? ` ${reply.text}` : ''}`;
}

function serverSays(facts: SmtpFacts): string {
  return facts.reply ? `The server said: "${said(facts.reply)}".` : '';
}

function step(command: string | undefined): string {
  if (command === undefined) return 'the connection';
  if (command.startsWith('AUTH')) return `authentication (${command})`;
  if (command === 'MAIL FROM') return 'the sender (MAIL FROM)';
  if (command === 'RCPT TO') return 'the recipient (RCPT TO)';
  if (command === 'DATA') return 'the message (DATA)';
  return command;
}

/** A row that applies to a reply with this code; `f.reply` is set in its functions. */
function reply(
  when: (reply: SmtpReply, facts: SmtpFacts, context: SmtpErrorContext) => boolean,
  row: Omit<Rule, 'when'>,
): Rule {
  return { when: (f, c) => f.reply !== undefined && when(f.reply, f, c), ...row };
}

const isAuth = (f: SmtpFacts) => f.command?.startsWith('AUTH') === true;
const loginRequired = (f: SmtpFacts, c: SmtpErrorContext) =>
  f.reply?.code === 530 || (!isAuth(f) && !c.authConfigured);
const quoted = (f: SmtpFacts) => `(${f.reply ? said(f.reply) : ''})`;

/** The table of SMTP replies (codes 4xx and 5xx), most specific first. */
export const replyRules: readonly Rule[] = [
  reply((r) => usageLimitPattern.test(r.text) && !recipientQuotaPattern.test(r.text), {
    code: 'usage_limit_exceeded',
    message: (f) =>
      `${f.where} refused ${step(f.command)}: the sending quota is spent or sending is paused ${quoted(f)}.`,
    hint: (f) =>
      `${serverSays(f)} The account behind these credentials may not send more for now; raise its quota or re-enable sending in the provider's dashboard, or wait for the quota window to reset.`,
  }),
  reply((r, f) => [530, 534, 535, 538].includes(r.code) || (isAuth(f) && r.code >= 500), {
    code: 'authorization_failed',
    message: (f, c) =>
      loginRequired(f, c)
        ? `${f.where} requires authentication before it accepts mail ${quoted(f)}.`
        : `${f.where} refused the credentials ${quoted(f)}.`,
    hint: (f, c) =>
      loginRequired(f, c)
        ? `${serverSays(f)} Set auth: { user, pass } in the config (for a hosted provider, its SMTP credentials, which are often not the account password).`
        : `${serverSays(f)} Check auth.user and auth.pass; many providers issue separate SMTP credentials or app passwords, and some need STARTTLS before they accept a login (requireTLS: true).`,
  }),
  reply((r) => r.code < 500 && throttlePattern.test(r.text), {
    code: 'rate_limit_exceeded',
    message: (f) => `${f.where} throttled ${step(f.command)} ${quoted(f)}.`,
    hint: (f) =>
      `${serverSays(f)} You are sending faster than the server allows; slow down and retry later, or set pool.rateLimit to stay under its limit.`,
  }),
  reply((r) => r.code < 500, {
    code: 'provider_unavailable',
    message: (f) => `${f.where} deferred ${step(f.command)} with a temporary failure ${quoted(f)}.`,
    hint: (f) =>
      `${serverSays(f)} A 4xx reply is temporary by definition; retry later. If it persists, check the server's logs or status page.`,
  }),
  reply((r) => r.code === 503, {
    code: 'provider_unavailable',
    message: (f) => `${f.where} answered ${step(f.command)} out of sequence ${quoted(f)}.`,
    hint: (f) =>
      `${serverSays(f)} The session was in a state the server did not expect; a new connection usually works.`,
  }),
  reply((r) => [500, 502, 504].includes(r.code), {
    code: 'general',
    message: (f) => `${f.where} does not support a command this client sent ${quoted(f)}.`,
    hint: (f) => `${serverSays(f)} Check that host and port point at an SMTP submission service.`,
  }),
  reply((r, f) => r.code === 501 && (f.command === 'MAIL FROM' || f.command === 'RCPT TO'), {
    code: 'invalid_request_parameters',
    message: (f) => `${f.where} refused the syntax of ${step(f.command)} ${quoted(f)}.`,
    hint: (f) =>
      `${serverSays(f)} The server may not accept internationalized addresses (SMTPUTF8) or this address form.`,
  }),
  reply((r) => r.code === 552 || r.code === 523, {
    code: 'message_rejected',
    message: (f) => `${f.where} refused ${step(f.command)}: the message is too large ${quoted(f)}.`,
    hint: (f) => `${serverSays(f)} Shorten the template or raise the server's message size limit.`,
  }),
  reply(() => true, {
    code: 'message_rejected',
    message: (f) => `${f.where} rejected ${step(f.command)} ${quoted(f)}.`,
    hint: (f, c) => {
      const whatToDo =
        f.command === 'MAIL FROM'
          ? `The server will not accept ${c.authConfigured ? 'these credentials sending as this From address' : 'mail from this From address'}: set fromEmail to an address (or domain) the server lets you send as, verified with your provider if it requires that.`
          : f.command === 'RCPT TO'
            ? 'The server refused the recipient: the address may not exist, or the server does not relay to it for this client.'
            : 'The server refused the message itself, often by a content or policy filter (SPF, DKIM, DMARC, spam).';
      return `${serverSays(f)} ${whatToDo}`;
    },
  }),
];
