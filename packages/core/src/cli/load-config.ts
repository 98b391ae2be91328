import { displayArgument } from './cli-limits.js';
import { CliUsageError } from './cli-usage-error.js';
import { hasConfigValue } from './config-values.js';
import type { CliIo, ConnectorCliDefinition } from './connector-cli-definition.js';
import { defaultCliTemplates } from './default-templates.js';
import { readJsonFile } from './read-json-file.js';

export interface ConfigSources {
  configPath?: string | undefined;
  templatesPath?: string | undefined;
  /** The provider flags that were given, by name. */
  flags: Readonly<Record<string, string>>;
  env: CliIo['env'];
  cwd: string;
}

type ConfigLoading = Pick<
  ConnectorCliDefinition,
  'flags' | 'configFromEnv' | 'requiredConfig' | 'defaultTemplates'
>;

/**
 * Builds the raw connector config from `--config`, the environment and the provider flags
 * (precedence: flags, then the file, then the environment), then `--templates` or the default
 * set. The connector validates the result.
 */
export async function loadCliConfig(
  definition: ConfigLoading,
  sources: ConfigSources,
): Promise<Record<string, unknown>> {
  let config: Record<string, unknown> = {};
  if (sources.configPath !== undefined) {
    const file = await readJsonFile(sources.configPath, sources.cwd, 'config');
    if (typeof file !== 'object' || file === null || Array.isArray(file)) {
      throw new CliUsageError(
        `The config file ${displayArgument(sources.configPath)} must hold a JSON object.`,
      );
    }
    config = { ...(file as Record<string, unknown>) };
  }
  if (definition.configFromEnv)
    Object.assign(config, definition.configFromEnv(sources.env, config));

  for (const [name, flag] of Object.entries(definition.flags ?? {})) {
    const value = sources.flags[name];
    if (value !== undefined) {
      config[flag.configKey] = flag.toConfigValue ? flag.toConfigValue(value) : value;
    }
  }
  if (sources.templatesPath !== undefined) {
    config.templates = await readJsonFile(sources.templatesPath, sources.cwd, 'templates');
  } else if (config.templates === undefined) {
    config.templates = definition.defaultTemplates ?? defaultCliTemplates;
  }
  for (const required of definition.requiredConfig ?? []) {
    if (!hasConfigValue(config, required.key)) {
      throw new CliUsageError(required.message, required.hint);
    }
  }
  return config;
}
