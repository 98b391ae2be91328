import type { z } from 'zod';
import { formatIssues } from '../config-issues.js';
import { ConnectorError } from '../connector-error.js';
import type { BaseConnectorConfig, Mailbox } from '../contract.js';
import { parseMailbox } from '../mailbox.js';
import { redactConfig, scrubSecrets, secretValuesOf } from '../secrets.js';

/**
 * A value the definition reads off the config: the name of the config field holding it (so a
 * message can name that field), or a function computing it.
 */
export type ConfigValue<Config, Value> =
  | { [Key in keyof Config & string]: Config[Key] extends Value ? Key : never }[keyof Config &
      string]
  | ((config: Config) => Value);

/** What the pipeline reads off a validated config, once per connector. */
export interface ConfigReaders<Config> {
  /** The From mailbox, e.g. `'emailAddress'` or `(config) => config.from`. */
  sender: ConfigValue<Config, string>;
  replyTo?: ConfigValue<Config, readonly string[] | undefined>;
  /** Tags added to every email (the pipeline adds `usage_type`). */
  tags?: ConfigValue<Config, Record<string, string> | undefined>;
  /** Extra headers added to every email. */
  headers?: ConfigValue<Config, Record<string, string> | undefined>;
}

/** A connector's config, validated, with what every send needs computed once. */
export interface ResolvedConfig<Config> {
  config: Config;
  /** The config's secret values, scrubbed from every error. */
  secrets: readonly string[];
  from: Mailbox;
  replyTo: readonly Mailbox[];
  headers: Readonly<Record<string, string>>;
  tags: Readonly<Record<string, string>>;
  /** The config with secret fields as `[redacted]`, for inspect and JSON. */
  redacted: Config;
}

// RFC 5322 field-name: printable ASCII except colon.
const headerNamePattern = /^[!-9;-~]+$/;

function read<Config, Value>(
  config: Config,
  value: ConfigValue<Config, Value> | undefined,
  fallbackLabel: string,
): { value: Value | undefined; field: string } {
  if (value === undefined) return { value: undefined, field: fallbackLabel };
  if (typeof value !== 'function') {
    return { value: config[value as keyof Config] as Value, field: value as string };
  }
  const computed = value(config);
  // Compatibility for the function form: name the top-level field that holds exactly this
  // value, when one does. Name the field instead (`sender: 'emailAddress'`) to be exact.
  const holder = Object.entries(config as object).find(([, held]) => held === computed)?.[0];
  return { value: computed, field: holder ?? fallbackLabel };
}

function headerProblems(headers: Record<string, unknown>): string[] {
  return Object.entries(headers).flatMap(([name, value]) => {
    if (!headerNamePattern.test(name)) {
      return [`headers: "${name.slice(0, 60)}" is not a valid header name`];
    }
    if (typeof value !== 'string' || /[\r\n]/.test(value)) {
      return [`headers: the value of ${name} must be a string without line breaks`];
    }
    return [];
  });
}

export interface ResolveConfigContext<Config> extends ConfigReaders<Config> {
  provider: string;
  /** The provider's display name, for the hint. */
  name: string;
  configSchema: z.ZodType<Config>;
}

/**
 * Validates a raw config and computes the parts of every email that come from it: the From
 * and Reply-To mailboxes, base headers and tags. Every failure is one `invalid_config` that
 * lists the bad fields and never shows a secret value.
 */
export function resolveConfig<Config extends BaseConnectorConfig>(
  rawConfig: unknown,
  context: ResolveConfigContext<Config>,
): ResolvedConfig<Config> {
  const { provider, configSchema } = context;
  const secrets = secretValuesOf(rawConfig, configSchema);
  const invalid = (lines: string[], hint: string): ConnectorError =>
    new ConnectorError(
      'invalid_config',
      scrubSecrets(
        `Invalid ${provider} config:\n${lines.map((line) => `  - ${line}`).join('\n')}`,
        secrets,
      ),
      { provider, hint },
    );

  const parsed = configSchema.safeParse(rawConfig);
  if (!parsed.success) {
    throw invalid(
      formatIssues(parsed.error),
      `Fix the listed fields of the ${context.name} config; secret values are never shown.`,
    );
  }
  const config = parsed.data;

  const mailbox = (value: string, field: string): Mailbox => {
    try {
      return parseMailbox(value, { label: `${provider} config field "${field}"` });
    } catch (error) {
      const cause = error as ConnectorError;
      throw new ConnectorError('invalid_config', scrubSecrets(cause.message, secrets), {
        provider,
        ...(cause.hint === undefined ? {} : { hint: cause.hint }),
      });
    }
  };

  const sender = read(config, context.sender, 'sender');
  const from = mailbox(String(sender.value), sender.field);
  const replyToValues = read(config, context.replyTo, 'replyTo');
  const replyTo = (replyToValues.value ?? []).map((value) => mailbox(value, replyToValues.field));
  const headers = { ...(read(config, context.headers, 'headers').value ?? {}) };
  const problems = headerProblems(headers);
  if (problems.length > 0) {
    throw invalid(
      problems,
      'Header names are printable ASCII without ":"; values have no CR or LF.',
    );
  }
  return {
    config,
    secrets,
    from,
    replyTo,
    headers,
    tags: { ...(read(config, context.tags, 'tags').value ?? {}) },
    redacted: redactConfig(config, configSchema),
  };
}
