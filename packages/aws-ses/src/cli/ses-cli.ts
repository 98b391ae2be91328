import type { ConnectorCliDefinition } from '@org/connector-core/cli';
import { createAwsSesConnector } from '../connector.js';
import { sesConfigFromEnv } from './env-config.js';
import { sesCliHelp } from './usage.js';

/** The endpoint without any user:password it was given (a URL may carry credentials). */
function endpointForDisplay(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return '(unreadable URL)';
  }
}

export function describeTarget(config: Readonly<Record<string, unknown>>): string {
  const parts = [`region ${String(config.region)}`, `sender ${String(config.emailAddress)}`];
  if (typeof config.endpoint === 'string')
    parts.push(`endpoint ${endpointForDisplay(config.endpoint)}`);
  if (typeof config.configurationSetName === 'string' && config.configurationSetName !== '') {
    parts.push(`configuration set ${config.configurationSetName}`);
  }
  return parts.join(', ');
}

/** `ses-connector`: the shared connector CLI with the SES config sources. */
export const sesCli: ConnectorCliDefinition = {
  bin: 'ses-connector',
  providerName: 'Amazon SES',
  createConnector: createAwsSesConnector,
  flags: { from: { configKey: 'emailAddress' } },
  configFromEnv: sesConfigFromEnv,
  requiredConfig: [
    {
      key: 'emailAddress',
      message: 'No From address: the config has no emailAddress and --from was not given.',
      hint: 'Pass --from "Acme <noreply@acme.com>" or add emailAddress to the config file.',
    },
    {
      key: 'region',
      message: 'No region: the config has no region and AWS_REGION is not set.',
      hint: 'Add region to the config file or set AWS_REGION, e.g. AWS_REGION=us-east-1.',
    },
  ],
  describeTarget,
  providerCodeLabel: 'SES error',
  help: sesCliHelp,
};
