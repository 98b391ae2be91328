// The size caps of every input core accepts. Each operation on an input is linear in its size,
// and these caps bound the sizes, so a send or a config validation costs bounded work whatever
// a caller passes; larger inputs are refused up front as typed errors. The README's Security
// section lists them, with `maxLocaleLength` (locale-tag.ts) and `maxMailboxLength` (mailbox.ts).

/** Templates in one config: 9 usage types in over a hundred locales. */
export const maxTemplates = 1000;

/** A template subject, and a rendered one: RFC 5322's line limit (998 characters). */
export const maxSubjectLength = 998;

/** A template's content, in characters (1 MiB): ten times what mail clients show unclipped. */
export const maxTemplateContentLength = 1_048_576;

/**
 * How deep a template's HTML may nest elements. Real layouts stay under 40; the converter of
 * the text part recurses per level and overflows the stack beyond ~2 000 (tables: ~1 000).
 */
export const maxHtmlNestingDepth = 256;

/** A rendered HTML or text part, in characters (4 MiB): values repeated in a large template. */
export const maxRenderedLength = 4_194_304;

/** `payload.code`: a verification code or token. */
export const maxCodeLength = 256;

/** `payload.link`: browsers and mail clients handle links up to about 8 KB. */
export const maxLinkLength = 8192;

/** Values in a payload, nested ones and repeats of a shared one included. */
export const maxPayloadValues = 10_000;

/** How deep a payload may nest objects and arrays (`{{items.0.name}}` is 3). */
export const maxPayloadDepth = 32;

/** The characters of all the keys and strings of a payload together (1 MiB). */
export const maxPayloadTextLength = 1_048_576;

/** `SendOptions.idempotencyKey`: a UUID is 36; 256 leaves room for composed keys. */
export const maxIdempotencyKeyLength = 256;
