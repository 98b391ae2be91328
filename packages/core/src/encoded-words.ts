// RFC 2047 encoded-words (`=?UTF-8?B?…?=`) in header text a caller supplies: a display name or
// a subject. A mail reader decodes them, so the decoded text is what must be checked: an
// encoded-word can carry CR/LF or control characters that a check of the raw text never sees.

const encodedWordPattern = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
const encodedWordRunPattern =
  /(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
const unsafePattern = /[\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function decodeWord(word: string, charset: string, encoding: string, data: string): string {
  // `charset*language` (RFC 2231) names the language after the star.
  const label = charset.toLowerCase().split('*')[0] ?? '';
  try {
    const bytes =
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          );
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    // An unknown charset or bytes invalid in it: left as written (see `hasEncodedWord`).
    return word;
  }
}

/**
 * The text with its encoded-words decoded, as a mail reader shows it (any charset the runtime's
 * TextDecoder knows). Whitespace between two adjacent encoded-words is dropped (RFC 2047 §6.2).
 * Linear: each pattern scans from `=?` to at most the next three `?`.
 */
export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  return text.replace(encodedWordRunPattern, '$1').replace(encodedWordPattern, decodeWord);
}

/** True when the text still holds something a reader may decode as an encoded-word. */
export function hasEncodedWord(text: string): boolean {
  encodedWordPattern.lastIndex = 0;
  return text.includes('=?') && encodedWordPattern.test(text);
}

/** True when the text has a line break or a control character other than tab. */
export function hasUnsafeHeaderCharacter(text: string): boolean {
  return unsafePattern.test(text);
}
