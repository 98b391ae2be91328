import { type ConnectorCliDefinition, hasConfigValue, nonBlank } from '@org/connector-core/cli';
import { create__PASCAL__Connector } from '../index.js';

/**
 * `__NAME__-connector`: the shared connector CLI (`check`, `send`, `test`) for __TITLE__.
 * TODO: add the provider's settings to `configFromEnv` and `flags`, describe them in
 * `help.config`, and say in `checkSummary` what src/preflight.ts checks.
 */
export const __CAMEL__Cli: ConnectorCliDefinition = {
  bin: '__NAME__-connector',
  providerName: '__TITLE__',
  createConnector: create__PASCAL__Connector,
  flags: { from: { configKey: 'emailAddress' }, 'base-url': { configKey: 'baseUrl' } },
  configFromEnv: (env, file) => {
    const apiKey = nonBlank(env.__UPPER___API_KEY);
    return !hasConfigValue(file, 'apiKey') && apiKey !== undefined ? { apiKey } : {};
  },
  requiredConfig: [
    {
      key: 'emailAddress',
      message: 'No From address: the config has no emailAddress and --from was not given.',
      hint: 'Pass --from "Acme <noreply@acme.com>" or add emailAddress to the config file.',
    },
  ],
  describeTarget: (config) => `sender ${String(config.emailAddress)}`,
  providerCodeLabel: '__TITLE__ error',
  help: {
    description: '__TITLE__ connector CLI: check a setup, send one email, or send a test email.',
    checkSummary: 'Preflight of the __TITLE__ key and sender. Sends nothing.',
    checkDescription:
      'Runs the preflight check of the connector (src/preflight.ts). Sends nothing.\nExits 1 when a check fails (warnings do not fail).',
    config: [
      '  --config <file.json>     A connector config (apiKey, emailAddress, replyTo, tags, templates, ...)',
      '  environment variables    __UPPER___API_KEY, with:',
      '  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"',
      '  --base-url <url>         The API base URL (e.g. a local __MOCKPACKAGE__ server)',
      '  --templates <file.json>  A template array (default: a built-in plain set)',
      '  Values in --config win over the environment; --from and --templates win over both.',
    ].join('\n'),
  },
};
