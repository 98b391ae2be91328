// Plain JS on purpose: `pnpm gen:connector` runs without a build step.

const namePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Checks a connector name and returns why it is unusable, or undefined when it is fine.
 * @param {string} name
 * @returns {string | undefined}
 */
export function checkConnectorName(name) {
  if (!namePattern.test(name)) {
    return `"${name}" is not a valid connector name: use lower-case kebab-case such as "postmark" or "mail-gun" (letters, digits and single dashes, starting with a letter).`;
  }
  if (name.length > 40) return `"${name}" is too long: use at most 40 characters.`;
  return undefined;
}

// Words written in capitals in prose: `smtp` is "SMTP", not "Smtp".
const acronyms = new Set(['smtp', 'ses', 'api', 'http', 'aws', 'sms']);

// The display name lands in TS string literals, JSON and Markdown: no quotes or escapes.
const displayNamePattern = /^[\p{L}\p{N}][\p{L}\p{N} .&+()-]*$/u;

/**
 * The default display name: words title-cased, known acronyms in capitals (`aws-ses` → `AWS SES`).
 * @param {string} name a kebab-case name
 */
export function defaultDisplayName(name) {
  return name
    .split('-')
    .map((word) =>
      acronyms.has(word) ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1),
    )
    .join(' ');
}

/**
 * Checks a `--display-name` and returns why it is unusable, or undefined when it is fine.
 * @param {string} displayName
 * @returns {string | undefined}
 */
export function checkDisplayName(displayName) {
  if (!displayNamePattern.test(displayName) || displayName.length > 60) {
    return `"${displayName}" is not a usable display name: use at most 60 letters, digits, spaces and . & + ( ) -, starting with a letter or digit, e.g. "Amazon SES".`;
  }
  return undefined;
}

/**
 * The spellings of a connector name the templates use.
 * @param {string} name a kebab-case name, e.g. `mail-gun`
 * @param {string} [displayName] the name in prose (`__TITLE__`); default `defaultDisplayName(name)`
 */
export function connectorNames(name, displayName = defaultDisplayName(name)) {
  const words = name.split('-');
  const capitalized = words.map((word) => word[0].toUpperCase() + word.slice(1));
  return {
    __NAME__: name,
    __PACKAGE__: `@org/connector-${name}`,
    __MOCKPACKAGE__: `@org/mock-${name}`,
    __PASCAL__: capitalized.join(''),
    __CAMEL__: words[0] + capitalized.slice(1).join(''),
    __TITLE__: displayName,
    __UPPER__: words.join('_').toUpperCase(),
  };
}
