// Size caps of what the CLI reads, so a mistaken path (`--config /dev/zero`, a log file) or a
// huge argument fails at once with a usage error instead of filling memory.

/** A `--config` or `--templates` file: a config with a full template set fits many times over. */
export const maxCliFileBytes = 16 * 1024 * 1024;

/** The `--payload` JSON; the payload then meets the send limits of core. */
export const maxCliPayloadLength = 1024 * 1024;

/**
 * An argument quoted back in a message: at most 60 characters, JSON-quoted so control
 * characters (a terminal escape, a line break) show as escapes, and nothing after an `=`
 * (a mistyped `--secret-key=value` passed as a positional must not print the value).
 */
export function quoteArgument(value: string): string {
  const equals = value.indexOf('=');
  const shown = equals === -1 ? value : `${value.slice(0, equals + 1)}…`;
  return JSON.stringify(shown.length > 60 ? `${shown.slice(0, 60)}…` : shown);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A path or value for a message: as given when short, printable and without `=`, else
 * `quoteArgument`.
 */
export function displayArgument(value: string, maxLength = 200): string {
  return value.length <= maxLength && !unprintable.test(value) && !value.includes('=')
    ? value
    : quoteArgument(value);
}
