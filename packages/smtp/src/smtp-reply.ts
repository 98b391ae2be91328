/** An SMTP reply, split into what the error mapping reads. */
export interface SmtpReply {
  /** The three-digit reply code, e.g. 550. */
  code: number;
  /** The RFC 3463 enhanced status code when the server sent one, e.g. `5.7.1`. */
  enhanced?: string;
  /** The human-readable text, lines of a multiline reply joined by spaces. */
  text: string;
}

const replyLinePattern = /^(\d{3})[ -]?(.*)$/;
// RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets. A server (or a peer posing as one)
// may send far more; the mapping's patterns and the error message read only this much, so their
// cost is bounded whatever the reply.
const maxReplyLength = 2048;
const enhancedPattern = /^([245]\.\d{1,3}\.\d{1,3})\b\s*/;

/**
 * Parses a raw reply such as `550-5.7.1 Sender rejected\r\n550 5.7.1 see https://…`.
 * Returns undefined when the text does not start with a reply code.
 */
export function parseSmtpReply(raw: string | undefined): SmtpReply | undefined {
  if (raw === undefined) return undefined;
  const lines = raw
    .slice(0, maxReplyLength)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines[0] === undefined ? undefined : replyLinePattern.exec(lines[0]);
  if (!first) return undefined;
  const code = Number(first[1]);
  let enhanced: string | undefined;
  const texts = lines.map((line) => {
    const text = replyLinePattern.exec(line)?.[2] ?? line;
    const match = enhancedPattern.exec(text);
    if (!match) return text;
    enhanced ??= match[1];
    return text.slice(match[0].length);
  });
  return {
    code,
    ...(enhanced === undefined ? {} : { enhanced }),
    text: texts.join(' ').replace(/\s+/g, ' ').trim(),
  };
}

/** `550 5.7.1`, or `550` without an enhanced code: what a ConnectorError's providerCode says. */
export function replyCodeOf(reply: SmtpReply): string {
  return reply.enhanced === undefined ? String(reply.code) : `${reply.code} ${reply.enhanced}`;
}

const queueIdPatterns = [
  // Postfix, smtp-server and many others: "250 2.0.0 Ok: queued as 4ZxY1k2LmQz3"
  /\bqueued as ([A-Za-z0-9._-]+)/i,
  // Exim: "250 OK id=1tQx2A-000Abc-3d"
  /\bid=([A-Za-z0-9._-]+)/i,
  // Amazon SES: "250 Ok 0100018b5c3c0a4f-…-000000"
  /^250 Ok ([0-9a-f]+(?:-[0-9a-f]+)+)$/i,
];

/** The server's queue id from the final `250` reply to a message, when it names one. */
export function queueIdOf(response: string | undefined): string | undefined {
  const reply = response?.trim();
  if (!reply) return undefined;
  for (const pattern of queueIdPatterns) {
    const id = pattern.exec(reply)?.[1];
    if (id !== undefined) return id;
  }
  return undefined;
}
