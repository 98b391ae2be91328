import {
  type ConnectorCliDefinition,
  hasConfigValue,
  nonBlank,
  runConnectorCliMain,
} from '@org/connector-core/cli';
import { create__PASCAL__Connector } from './index.js';

/**
 * `__NAME__-connector`: the shared connector CLI (`check`, `send`, `test`) with the __TITLE__
 * config sources. TODO: add the provider's settings to `configFromEnv` and `flags`, describe
 * them in `help.config`, and once the transport has `check()`, say what it checks.
 */
const __CAMEL__Cli: ConnectorCliDefinition = {
  bin: '__NAME__-connector',
  providerName: '__TITLE__',
  createConnector: create__PASCAL__Connector,
  flags: { from: { configKey: 'emailAddress' } },
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
    checkSummary: 'Preflight of the __TITLE__ setup. Sends nothing.',
    checkDescription: 'Runs the preflight check of the connector. Sends nothing.\nExits 1 when a check fails (warnings do not fail).',
    config: [
      '  --config <file.json>     A connector config (apiKey, emailAddress, templates, ...)',
      '  environment variables    __UPPER___API_KEY, with:',
      '  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"',
      '  --templates <file.json>  A template array (default: a built-in plain set)',
      '  Values in --config win over the environment; --from and --templates win over both.',
    ].join('\n'),
  },
};

// The `__NAME__-connector` bin: bin/__NAME__-connector.js imports the built dist/cli.js.
void runConnectorCliMain(__CAMEL__Cli);
