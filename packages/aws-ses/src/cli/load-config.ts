import { CliUsageError } from './cli-usage-error.js';
import { defaultCliTemplates } from './default-templates.js';
import { readJsonFile } from './read-json-file.js';

export interface ConfigSources {
  configPath?: string;
  from?: string;
  templatesPath?: string;
  env: Record<string, string | undefined>;
  cwd: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Builds the raw connector config from `--config`, the standard AWS environment variables,
 * `--from` and `--templates` (precedence: flags, then the file, then the environment).
 * The connector validates the result.
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
  const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  if (!has('region') && region !== undefined) config.region = region;
  const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_SESV2) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  if (!has('endpoint') && endpoint !== undefined) config.endpoint = endpoint;
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  // Only a complete pair is copied; otherwise the SDK's default chain gets its chance.
  if (
    !has('accessKeyId') &&
    !has('accessKeySecret') &&
    accessKeyId !== undefined &&
    secretAccessKey !== undefined
  ) {
    config.accessKeyId = accessKeyId;
    config.accessKeySecret = secretAccessKey;
    const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
    if (sessionToken !== undefined && !has('sessionToken')) config.sessionToken = sessionToken;
  }

  if (sources.from !== undefined) config.emailAddress = sources.from;
  if (sources.templatesPath !== undefined) {
    config.templates = await readJsonFile(sources.templatesPath, sources.cwd, 'templates');
  } else if (config.templates === undefined) {
    config.templates = defaultCliTemplates;
  }
  if (!has('emailAddress')) {
    throw new CliUsageError(
      'No From address: the config has no emailAddress and --from was not given.',
      'Pass --from "Acme <noreply@acme.com>" or add emailAddress to the config file.',
    );
  }
  if (!has('region')) {
    throw new CliUsageError(
      'No region: the config has no region and AWS_REGION is not set.',
      'Add region to the config file or set AWS_REGION, e.g. AWS_REGION=us-east-1.',
    );
  }
  return config;
}
