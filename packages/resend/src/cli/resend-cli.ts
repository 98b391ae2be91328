import { type ConnectorCliDefinition, hasConfigValue, nonBlank } from '@org/connector-core/cli';
import { createResendConnector } from '../index.js';

/** `resend-connector`: the shared connector CLI (`check`, `send`, `test`) for Resend. */
export const resendCli: ConnectorCliDefinition = {
  bin: 'resend-connector',
  providerName: 'Resend',
  createConnector: createResendConnector,
  flags: { from: { configKey: 'emailAddress' }, 'base-url': { configKey: 'baseUrl' } },
  configFromEnv: (env, file) => {
    const apiKey = nonBlank(env.RESEND_API_KEY);
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
  providerCodeLabel: 'Resend error',
  help: {
    description: 'Resend connector CLI: check a setup, send one email, or send a test email.',
    checkSummary: 'Preflight: the API key and the sender domain (GET /domains). Sends nothing.',
    checkDescription:
      'Lists the Resend domains with the API key: the key must be valid and the From domain verified.\nA sending-only key is a warning. Sends nothing. Exits 1 when a check fails.',
    config: [
      '  --config <file.json>     A connector config (apiKey, emailAddress, replyTo, tags, templates, ...)',
      '  environment variables    RESEND_API_KEY, with:',
      '  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"',
      '  --base-url <url>         The API base URL (default https://api.resend.com)',
      '  --templates <file.json>  A template array (default: a built-in plain set)',
      '  Values in --config win over the environment; --from and --templates win over both.',
    ].join('\n'),
  },
};
