import { type ConnectorCliDefinition, hasConfigValue, nonBlank } from '@org/connector-core/cli';
import { createPostmarkConnector } from '../index.js';

/** `postmark-connector`: the shared connector CLI (`check`, `send`, `test`) for Postmark. */
export const postmarkCli: ConnectorCliDefinition = {
  bin: 'postmark-connector',
  providerName: 'Postmark',
  createConnector: createPostmarkConnector,
  flags: {
    from: { configKey: 'emailAddress' },
    'message-stream': { configKey: 'messageStream' },
    'base-url': { configKey: 'baseUrl' },
  },
  configFromEnv: (env, file) => {
    const serverToken = nonBlank(env.POSTMARK_SERVER_TOKEN);
    const accountToken = nonBlank(env.POSTMARK_ACCOUNT_TOKEN);
    return {
      ...(!hasConfigValue(file, 'serverToken') && serverToken !== undefined ? { serverToken } : {}),
      ...(!hasConfigValue(file, 'accountToken') && accountToken !== undefined
        ? { accountToken }
        : {}),
    };
  },
  requiredConfig: [
    {
      key: 'emailAddress',
      message: 'No From address: the config has no emailAddress and --from was not given.',
      hint: 'Pass --from "Acme <noreply@acme.com>" or add emailAddress to the config file.',
    },
  ],
  describeTarget: (config) =>
    `sender ${String(config.emailAddress)}, stream ${String(config.messageStream ?? 'outbound')}`,
  providerCodeLabel: 'Postmark error',
  help: {
    description: 'Postmark connector CLI: check a setup, send one email, or send a test email.',
    checkSummary: 'Preflight: token, server mode, message stream, sender signature. Sends nothing.',
    checkDescription:
      'Reads GET /server, GET /message-streams/<stream> and, with an account token, GET /senders.\nSends nothing. Exits 1 when a check fails (warnings, e.g. a Sandbox server, do not fail).',
    config: [
      '  --config <file.json>     A connector config (serverToken, emailAddress, messageStream, templates, ...)',
      '  environment variables    POSTMARK_SERVER_TOKEN (and POSTMARK_ACCOUNT_TOKEN), with:',
      '  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"',
      '  --message-stream <id>    The message stream (default outbound)',
      '  --base-url <url>         The API base URL (default https://api.postmarkapp.com)',
      '  --templates <file.json>  A template array (default: a built-in plain set)',
      '  Values in --config win over the environment; --from and --templates win over both.',
    ].join('\n'),
  },
};
