import { domainToASCII, domainToUnicode } from 'node:url';
import { ConnectorError } from './connector-error.js';
import { decodeEncodedWords, hasUnsafeHeaderCharacter } from './encoded-words.js';
import type { Mailbox } from './mailbox-type.js';

/** RFC 5321 caps a path at 256 octets; 320 (64 + 1 + 255) is the widely used upper bound. */
export const maxMailboxLength = 320;

export interface ParseMailboxOptions {
  /** What the mailbox is, used in error messages, e.g. `recipient "to"`. Default `mailbox`. */
  label?: string;
}

// RFC 5322 atext: the characters a dot-atom local part may use without quoting.
const localPartPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// A display name made only of these can go into a header unquoted.
const atomPhrasePattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
const controlCharacterPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function invalid(label: string, problem: string, hint?: string): ConnectorError {
  return new ConnectorError('invalid_request_parameters', `Invalid ${label}: ${problem}.`, {
    hint:
      hint ??
      'Use a single mailbox such as `noreply@example.com`, `<noreply@example.com>` or `Example <noreply@example.com>`.',
  });
}

/**
 * Parses one mailbox: `Logto<noreply@logto.io>`, `<noreply@logto.io>`, `noreply@logto.io`,
 * `"Acme, Inc." <a@b.c>`, a display name with non-ASCII characters (also as an RFC 2047
 * encoded-word), or an internationalized domain (returned as punycode).
 *
 * Error messages never repeat the input: a recipient address is personal data.
 */
export function parseMailbox(input: string, options: ParseMailboxOptions = {}): Mailbox {
  const label = options.label ?? 'mailbox';
  if (typeof input !== 'string') throw invalid(label, 'expected a string');
  if (/[\r\n]/.test(input)) {
    throw invalid(label, 'it contains a line break (CR or LF), which could inject mail headers');
  }
  if (input.length > maxMailboxLength) {
    throw invalid(
      label,
      `it is ${input.length} characters long; the maximum is ${maxMailboxLength}`,
    );
  }
  if (controlCharacterPattern.test(input)) throw invalid(label, 'it contains a control character');
  const trimmed = input.trim();
  if (trimmed === '') throw invalid(label, 'it is empty');

  if (!trimmed.endsWith('>')) {
    if (/[<>]/.test(trimmed)) {
      throw invalid(label, 'it has an unbalanced "<" or ">"', undefined);
    }
    return { address: parseAddress(trimmed, label) };
  }

  const open = trimmed.lastIndexOf('<');
  if (open === -1) throw invalid(label, 'it has a ">" without a matching "<"');
  const address = parseAddress(trimmed.slice(open + 1, -1).trim(), label);
  const name = parseDisplayName(trimmed.slice(0, open).trim(), label);
  return name === undefined ? { address } : { name, address };
}

function parseDisplayName(raw: string, label: string): string | undefined {
  if (raw === '') return undefined;
  if (raw.startsWith('"')) {
    // The closing quote is escaped only after an odd run of backslashes: `"a\\"` is closed.
    // Counted backwards: `/\\*$/` would retry from every backslash of a long run.
    let trailingBackslashes = 0;
    for (let i = raw.length - 2; i > 0 && raw[i] === '\\'; i--) trailingBackslashes++;
    if (raw.length < 2 || !raw.endsWith('"') || trailingBackslashes % 2 === 1) {
      throw invalid(label, 'its quoted display name is not closed with a double quote');
    }
    let name = '';
    const body = raw.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      const char = body[i]!;
      if (char === '\\') {
        i++;
        name += body[i] ?? '';
      } else if (char === '"') {
        throw invalid(label, 'its quoted display name contains an unescaped double quote');
      } else {
        name += char;
      }
    }
    const trimmedName = name.trim();
    return trimmedName === '' ? undefined : trimmedName;
  }
  if (/[<>]/.test(raw)) {
    throw invalid(
      label,
      'its display name contains "<" or ">" (more than one mailbox?)',
      'Pass exactly one mailbox; quote a display name that needs special characters: `"Acme <Sales>" <sales@example.com>`.',
    );
  }
  if (raw.includes('"')) {
    throw invalid(
      label,
      'its display name contains a double quote',
      'Quote the whole display name and escape inner quotes: `"Say \\"hi\\"" <a@example.com>`.',
    );
  }
  const name = decodeEncodedWords(raw).trim();
  // An encoded-word may hide what the raw-input check above rejects.
  if (hasUnsafeHeaderCharacter(name)) {
    throw invalid(label, 'its encoded display name decodes to a line break or a control character');
  }
  return name === '' ? undefined : name;
}

function parseAddress(raw: string, label: string): string {
  if (raw === '') throw invalid(label, 'the address is empty');
  const at = raw.split('@').length - 1;
  if (at === 0) throw invalid(label, 'the address has no "@"');
  if (at > 1) {
    throw invalid(label, 'the address contains more than one "@" (more than one address?)');
  }
  if (/\s/.test(raw)) throw invalid(label, 'the address contains whitespace');
  const [local = '', domain = ''] = raw.split('@');
  if (local === '') throw invalid(label, 'the part before "@" is empty');
  if (domain === '') throw invalid(label, 'the domain after "@" is empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (/[^\u0000-\u007F]/.test(local)) {
    throw invalid(
      label,
      'the part before "@" contains non-ASCII characters, which need SMTPUTF8 and are not supported',
    );
  }
  if (local.length > 64) throw invalid(label, 'the part before "@" is longer than 64 characters');
  if (!localPartPattern.test(local)) {
    throw invalid(
      label,
      'the part before "@" contains a character that is not allowed, or a leading, trailing or double dot',
    );
  }
  return `${local}@${parseDomain(domain, label)}`;
}

// An LDH label (RFC 1035 §2.3.1, RFC 1123 §2.1): letters, digits and inner hyphens.
const ldhLabelPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// What the last label of a host is when a resolver or URL parser would read the host as an
// IPv4 address (`127.0.0.1`, `2130706433`, `0x7f.1`): decimal, octal or hex.
const numericLabelPattern = /^(?:0x[0-9a-f]*|[0-9]+)$/i;
// A U-label may hold letters, marks, digits and hyphens; anything else (`/`, `%`, `\`, `:`,
// fullwidth dots, symbols) is refused before any conversion can map it away.
// Compiled on first use: parsing a Unicode property class costs an import ~0.5 ms.
let unicodeLabelPattern: RegExp | undefined;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const nonAsciiPattern = /[^\u0000-\u007F]/;

/**
 * Validates a domain as a sequence of DNS labels, character by character: nothing is parsed
 * the way a URL host is, so nothing is normalised away (`bank.example/x`, `%65vil.com`,
 * `evil.com\good.com`, `2130706433` and `0x7f.1` are refused, not rewritten). ASCII labels
 * are returned exactly as given; a label with non-ASCII characters must be a U-label, which is
 * converted to its punycode A-label (the only rewrite).
 */
function parseDomain(domain: string, label: string): string {
  if (domain.startsWith('[')) {
    throw invalid(
      label,
      'the domain is an address literal ([IPv4] or [IPv6]), which is refused by policy',
      'Use a domain name such as example.com: mail to a bare IP address is refused.',
    );
  }
  const parts = domain.split('.');
  if (parts.length < 2) {
    throw invalid(label, 'the domain is not fully qualified (expected something like example.com)');
  }
  const ascii = parts.map((part) => {
    if (part === '')
      throw invalid(label, 'the domain has an empty label (two dots, or a dot at an end)');
    if (!nonAsciiPattern.test(part)) {
      if (!ldhLabelPattern.test(part)) {
        throw invalid(
          label,
          'the domain has a malformed label: a domain may contain only letters, digits, inner hyphens and dots (labels of 1 to 63 characters)',
        );
      }
      if (/^xn--/i.test(part) && !isPunycodeLabel(part)) {
        throw invalid(label, 'the domain has an "xn--" label that is not valid punycode');
      }
      return part;
    }
    return unicodeLabel(part, label);
  });
  const tld = ascii[ascii.length - 1]!;
  if (numericLabelPattern.test(tld)) {
    throw invalid(
      label,
      'the domain is numeric (it would be read as an IP address)',
      'Use a domain name such as example.com: mail to a bare IP address is refused.',
    );
  }
  const result = ascii.join('.');
  if (result.length > 253) throw invalid(label, 'the domain is longer than 253 characters');
  return result;
}

/** The A-label of a U-label, or an error when converting would change more than its form. */
// Valid punycode decodes to a U-label (non-ASCII) that encodes back. An undecodable label comes
// back '' from Node 20 and 22, unchanged from Node 24: both fail this test.
function isPunycodeLabel(part: string): boolean {
  const decoded = domainToUnicode(part);
  return nonAsciiPattern.test(decoded) && domainToASCII(decoded) === part.toLowerCase();
}

function unicodeLabel(part: string, label: string): string {
  const notIdn = () =>
    invalid(
      label,
      'the domain has a label that is not a valid internationalized label',
      'Write an internationalized domain in its normal form (e.g. bücher.de) or as punycode (xn--bcher-kva.de).',
    );
  unicodeLabelPattern ??= /^[\p{L}\p{M}\p{N}-]+$/u;
  if (!unicodeLabelPattern.test(part)) throw notIdn();
  const encoded = domainToASCII(part);
  // The conversion must be exactly IDN → punycode: a label UTS #46 would map (fullwidth
  // letters, decomposed accents, compatibility characters) differs from its own round trip.
  if (
    !encoded.startsWith('xn--') ||
    !ldhLabelPattern.test(encoded) ||
    domainToUnicode(encoded) !== part.toLowerCase()
  ) {
    throw notIdn();
  }
  return encoded;
}

// An encoded-word may be at most 75 characters: `=?UTF-8?B?` + data + `?=` leaves 63 for
// base64, i.e. 45 bytes. Split on code points so no word ends inside a UTF-8 sequence.
const maxEncodedWordBytes = 45;

function encodeWords(name: string): string {
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of name) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (chunkBytes + bytes > maxEncodedWordBytes && chunk !== '') {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += bytes;
  }
  if (chunk !== '') words.push(chunk);
  return words
    .map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`)
    .join(' ');
}

function formatDisplayName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (/[^\u0000-\u007F]/.test(name)) return encodeWords(name);
  // A plain phrase stays readable; a name that looks like an encoded-word is quoted so no
  // reader decodes it.
  if (atomPhrasePattern.test(name) && !name.includes('=?')) return name;
  return `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * Formats a mailbox for a mail header: `Name <address>` (the name quoted when it has
 * specials, an RFC 2047 encoded-word when it has non-ASCII characters) or the bare address.
 * The address is validated again, so the result can never carry a header injection.
 */
export function formatMailbox(mailbox: Mailbox): string {
  const address = parseAddress(mailbox.address, 'mailbox');
  const name = mailbox.name?.trim();
  if (name === undefined || name === '') return address;
  if (/[\r\n]/.test(name) || controlCharacterPattern.test(name)) {
    throw invalid('mailbox', 'the display name contains a line break or a control character');
  }
  return `${formatDisplayName(name)} <${address}>`;
}

/**
 * Masks an address for events and logs: `john@example.com` → `j***@example.com`.
 * Accepts a bare address or a `Name <address>` mailbox; never returns the display name.
 */
export function maskAddress(value: string): string {
  const text = typeof value === 'string' ? value : '';
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  const address = open !== -1 && close > open ? text.slice(open + 1, close) : text;
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  // The input may be unvalidated: keep only characters a domain can have, so a masked value
  // cannot smuggle line breaks or other text into a log line.
  const domain = address
    .slice(at + 1)
    .replace(/[^\p{L}\p{N}.-]/gu, '')
    .slice(0, 253);
  const first = address.slice(0, 1);
  return `${/^[\p{L}\p{N}]$/u.test(first) ? first : '*'}***@${domain}`;
}
