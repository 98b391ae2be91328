import { hasConfigValue, nonBlank } from '@org/connector-core/cli';

/**
 * Config values from the standard AWS environment variables, for the fields the config file
 * leaves out.
 */
export function sesConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  file: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const has = (key: string) => hasConfigValue(file, key);
  const config: Record<string, unknown> = {};
  const region = nonBlank(env.AWS_REGION) ?? nonBlank(env.AWS_DEFAULT_REGION);
  if (!has('region') && region !== undefined) config.region = region;
  const endpoint = nonBlank(env.AWS_ENDPOINT_URL_SESV2) ?? nonBlank(env.AWS_ENDPOINT_URL);
  if (!has('endpoint') && endpoint !== undefined) config.endpoint = endpoint;
  const accessKeyId = nonBlank(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonBlank(env.AWS_SECRET_ACCESS_KEY);
  // Only a complete pair is copied; otherwise the SDK's default chain gets its chance.
  if (
    !has('accessKeyId') &&
    !has('accessKeySecret') &&
    accessKeyId !== undefined &&
    secretAccessKey !== undefined
  ) {
    config.accessKeyId = accessKeyId;
    config.accessKeySecret = secretAccessKey;
    const sessionToken = nonBlank(env.AWS_SESSION_TOKEN);
    if (sessionToken !== undefined && !has('sessionToken')) config.sessionToken = sessionToken;
  }
  return config;
}
