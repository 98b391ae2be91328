import { CliUsageError } from './cli-usage-error.js';
import { defaultCliTemplates } from './default-templates.js';
import { readJsonFile } from './read-json-file.js';

export interface ConfigSources {
  configPath?: string;
  host?: string;
  port?: string;
  from?: string;
  templatesPath?: string;
  env: Record<string, string | undefined>;
  cwd: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

// A number when it is one, else left as text for the schema to name the field.
function portValue(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}

function booleanValue(name: string, value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new CliUsageError(`${name} must be true or false; got "${value}".`);
}

/**
 * Builds the raw connector config from `--config`, the SMTP_* environment variables and the
 * flags (precedence: flags, then the file, then the environment). The connector validates it.
 */
export async function loadCliConfig(sources: ConfigSources): Promise<Record<string, unknown>> {
  const { env } = sources;
  let config: Record<string, unknown> = {};
  if (sources.configPath !== undefined) {
    const file = await readJsonFile(sources.configPath, sources.cwd, 'config');
    if (typeof file !== 'object' || file === null || Array.isArray(file)) {
      throw new CliUsageError(`The config file ${sources.configPath} must hold a JSON object.`);
    }
    config = { ...(file as Record<string, unknown>) };
  }

  const has = (key: string) =>
    config[key] !== undefined && !(typeof config[key] === 'string' && config[key] === '');
  const host = nonEmpty(env.SMTP_HOST);
  if (!has('host') && host !== undefined) config.host = host;
  const port = nonEmpty(env.SMTP_PORT);
  if (!has('port') && port !== undefined) config.port = portValue(port);
  const secure = nonEmpty(env.SMTP_SECURE);
  if (!has('secure') && secure !== undefined) config.secure = booleanValue('SMTP_SECURE', secure);
  const user = nonEmpty(env.SMTP_USER);
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

  if (sources.host !== undefined) config.host = sources.host;
  if (sources.port !== undefined) config.port = portValue(sources.port);
  if (sources.from !== undefined) config.fromEmail = sources.from;
  if (sources.templatesPath !== undefined) {
    config.templates = await readJsonFile(sources.templatesPath, sources.cwd, 'templates');
  } else if (config.templates === undefined) {
    config.templates = defaultCliTemplates;
  }
  if (!has('host')) {
    throw new CliUsageError(
      'No SMTP host: the config has no host, SMTP_HOST is not set and --host was not given.',
      'Pass --host smtp.example.com (and --port), set SMTP_HOST, or add host to the config file.',
    );
  }
  if (!has('fromEmail')) {
    throw new CliUsageError(
      'No From address: the config has no fromEmail and --from was not given.',
      'Pass --from "Acme <noreply@acme.com>" or add fromEmail to the config file.',
    );
  }
  return config;
}
