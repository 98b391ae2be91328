import type { ConnectorCliHelp } from '@org/connector-core/cli';

/** The SES parts of `ses-connector --help`; the commands' shared parts come from core. */
export const sesCliHelp: ConnectorCliHelp = {
  description: 'Amazon SES connector CLI: check a setup, send one email, or send a test email.',
  checkSummary:
    'Preflight: account status, sandbox, quota, sender identity, configuration set.\nSends nothing.',
  checkDescription: `Runs the preflight: GetAccount (sending enabled, sandbox, quota), GetEmailIdentity for the
sender address and its domain, and GetConfigurationSet when one is configured. Sends nothing.
Exits 1 when a check fails (warnings do not fail).`,
  config: `  --config <file.json>     A connector config (the Logto SES connector's JSON works as is)
  environment variables    AWS_REGION (or AWS_DEFAULT_REGION), AWS_ACCESS_KEY_ID,
                           AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
                           AWS_ENDPOINT_URL_SESV2 (or AWS_ENDPOINT_URL), with:
  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"
  --templates <file.json>  A template array (default: a built-in plain set)
  Values in --config win over the environment; --from and --templates win over both.
  Without keys anywhere, the AWS default credential chain is used (profile, SSO, role).`,
};
