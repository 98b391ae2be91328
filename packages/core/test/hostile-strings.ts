import fc from 'fast-check';

/** Characters that break mail headers or HTML, mixed with ordinary and non-ASCII ones. */
const hostileUnit = fc.constantFrom(
  ...'aZ09.-_+@<>"\' ,;:\\=?()[]&#/'.split(''),
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  'é',
  '名',
  '😀',
  '=?UTF-8?B?',
  '?=',
);

/** A well-formed mailbox, so the hostile variants below start from something that parses. */
const plainMailbox = fc
  .tuple(
    fc.constantFrom('', 'Ada ', '"Acme, Inc." ', 'Zoë '),
    fc.constantFrom('ada', 'first.last+tag', 'x'),
    fc.constantFrom('example.com', 'mail.example.org', 'bücher.de'),
  )
  .map(([name, local, domain]) =>
    name === '' ? `${local}@${domain}` : `${name}<${local}@${domain}>`,
  );

/** Inserts `insert` at a position chosen by `at` (0..1). */
const spliced = (base: fc.Arbitrary<string>, insert: fc.Arbitrary<string>) =>
  fc.tuple(base, insert, fc.double({ min: 0, max: 1, noNaN: true })).map(([text, extra, at]) => {
    const index = Math.floor(at * (text.length + 1));
    return text.slice(0, index) + extra + text.slice(index);
  });

/**
 * Strings a hostile or careless caller might pass where a mailbox or template value is
 * expected: arbitrary Unicode, header/HTML specials, valid mailboxes with a CR/LF header
 * injection spliced in anywhere, and encoded-word display names hiding such characters.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: hostileUnit, maxLength: 40 }),
  plainMailbox,
  spliced(plainMailbox, fc.constantFrom('\r\nBcc: eve@evil.example', '\n', '\r', '\r\n')),
  spliced(plainMailbox, fc.string({ unit: hostileUnit, minLength: 1, maxLength: 6 })),
  // A display name as an RFC 2047 encoded-word can hide anything, line breaks included.
  fc
    .string({ unit: hostileUnit, maxLength: 12 })
    .map((name) => `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <ada@example.com>`),
);
