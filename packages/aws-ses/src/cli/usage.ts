import { usageTypes } from '@org/connector-core';

export const commandNames = ['check', 'send', 'test'] as const;
export type CommandName = (typeof commandNames)[number];

const configHelp = `Config (one of):
  --config <file.json>     A connector config (the Logto SES connector's JSON works as is)
  environment variables    AWS_REGION (or AWS_DEFAULT_REGION), AWS_ACCESS_KEY_ID,
                           AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
                           AWS_ENDPOINT_URL_SESV2 (or AWS_ENDPOINT_URL), with:
  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"
  --templates <file.json>  A template array (default: a built-in plain set)
  Values in --config win over the environment; --from and --templates win over both.
  Without keys anywhere, the AWS default credential chain is used (profile, SSO, role).

Output:
  --json                   Machine-readable JSON on stdout
  -h, --help               This help

Exit codes: 0 ok, 1 the operation failed, 2 bad usage or config.`;

export const mainUsage = `Usage: ses-connector <command> [options]

Amazon SES connector CLI: check a setup, send one email, or send a test email.

Commands:
  check    Preflight: account status, sandbox, quota, sender identity, configuration set.
           Sends nothing.
  send     Send one email from a template: --to, --type, --code, --locale, --payload
  test     Send the Generic template with a random six-digit code to --to

Run "ses-connector <command> --help" for a command's options.

${configHelp}`;

export const commandUsage: Record<CommandName, string> = {
  check: `Usage: ses-connector check [--config <file.json>] [--json]

Runs the preflight: GetAccount (sending enabled, sandbox, quota), GetEmailIdentity for the
sender address and its domain, and GetConfigurationSet when one is configured. Sends nothing.
Exits 1 when a check fails (warnings do not fail).

${configHelp}`,
  send: `Usage: ses-connector send --to <address> --type <usage type> [options]

Sends one email rendered from the config's templates.

Options:
  --to <address>           Recipient (required)
  --type <usage type>      One of ${usageTypes.join(', ')} (required)
  --code <code>            The {{code}} variable (never printed back)
  --locale <tag>           Picks a localized template, e.g. de or zh-CN
  --payload <json>         More template variables, e.g. '{"link":"https://…","user":{"name":"Ada"}}'

${configHelp}`,
  test: `Usage: ses-connector test --to <address> [--config <file.json>] [--json]

Sends the Generic template with a random six-digit code (what a setup page's "Send test
email" button does). The code is not printed.

Options:
  --to <address>           Recipient (required)

${configHelp}`,
};
