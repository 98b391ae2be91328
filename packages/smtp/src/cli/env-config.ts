import { CliUsageError, hasConfigValue, nonBlank } from '@org/connector-core/cli';

/** A number when it is one, else left as text for the schema to name the field. */
export function portValue(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}

function booleanValue(name: string, value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  // Quoted back only when it is plainly a word: a secret set in the wrong variable must not print.
  const shown = /^[\w.-]{1,20}$/.test(value) ? `; got "${value}"` : '';
  throw new CliUsageError(`${name} must be true or false${shown}.`);
}

/** Config values from the SMTP_* environment variables, for the fields the config file leaves out. */
export function smtpConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  file: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const has = (key: string) => hasConfigValue(file, key);
  const config: Record<string, unknown> = {};
  const host = nonBlank(env.SMTP_HOST)?.trim();
  if (!has('host') && host !== undefined) config.host = host;
  const port = nonBlank(env.SMTP_PORT)?.trim();
  if (!has('port') && port !== undefined) config.port = portValue(port);
  const secure = nonBlank(env.SMTP_SECURE)?.trim();
  if (!has('secure') && secure !== undefined) config.secure = booleanValue('SMTP_SECURE', secure);
  const user = nonBlank(env.SMTP_USER)?.trim();
  const pass = env.SMTP_PASS;
  if (!has('auth')) {
    const hasUser = user !== undefined;
    const hasPass = pass !== undefined && pass !== '';
    if (hasUser && hasPass) config.auth = { user, pass };
    // Half a login is a mistake to show, not a relay without authentication.
    else if (hasUser !== hasPass) {
      throw new CliUsageError(
        'SMTP_USER and SMTP_PASS go together: one of them is set, the other is not.',
        'Set both for a server that requires a login, or neither for a relay that does not.',
      );
    }
  }
  return config;
}
