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

/**
 * The spellings of a connector name the templates use.
 * @param {string} name a kebab-case name, e.g. `mail-gun`
 */
export function connectorNames(name) {
  const words = name.split('-');
  const capitalized = words.map((word) => word[0].toUpperCase() + word.slice(1));
  return {
    __NAME__: name,
    __PACKAGE__: `@org/connector-${name}`,
    __PASCAL__: capitalized.join(''),
    __CAMEL__: words[0] + capitalized.slice(1).join(''),
    __TITLE__: capitalized.join(' '),
    __UPPER__: words.join('_').toUpperCase(),
  };
}
