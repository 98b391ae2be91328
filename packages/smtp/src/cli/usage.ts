import { usageTypes } from '@org/connector-core';

export const commandNames = ['check', 'send', 'test'] as const;
export type CommandName = (typeof commandNames)[number];

const configHelp = `Config (one of):
  --config <file.json>     A connector config (host, port, secure, requireTLS, tls, auth,
                           fromEmail, templates, ...)
  environment variables    SMTP_HOST, SMTP_PORT, SMTP_SECURE (true for implicit TLS),
                           SMTP_USER and SMTP_PASS (together), with:
  --host <name>            The SMTP server, e.g. localhost or email-smtp.us-east-1.amazonaws.com
  --port <number>          587 (STARTTLS, the default), 465 (with secure) or 25 / 1025 (relays)
  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"
  --templates <file.json>  A template array (default: a built-in plain set)
  Values in --config win over the environment; the flags win over both. The password is
  never taken from a flag: put it in SMTP_PASS or the config file.

Output:
  --json                   Machine-readable JSON on stdout
  -h, --help               This help

Exit codes: 0 ok, 1 the operation failed, 2 bad usage or config.`;

export const mainUsage = `Usage: smtp-connector <command> [options]

SMTP connector CLI: check a server, send one email, or send a test email.

Commands:
  check    Preflight: connect, negotiate TLS, log in, quit. Sends nothing.
  send     Send one email from a template: --to, --type, --code, --locale, --payload
  test     Send the Generic template with a random six-digit code to --to

Run "smtp-connector <command> --help" for a command's options.

${configHelp}`;

export const commandUsage: Record<CommandName, string> = {
  check: `Usage: smtp-connector check [--config <file.json>] [--host <name>] [--port <n>] [--json]

Connects to the server, upgrades to TLS (STARTTLS, or implicit TLS with secure), logs in when
credentials are configured and ends the session with QUIT. Sends nothing (no MAIL FROM).
Exits 1 when a step fails (warnings do not fail).

${configHelp}`,
  send: `Usage: smtp-connector send --to <address> --type <usage type> [options]

Sends one email rendered from the config's templates.

Options:
  --to <address>           Recipient (required)
  --type <usage type>      One of ${usageTypes.join(', ')} (required)
  --code <code>            The {{code}} variable (never printed back)
  --locale <tag>           Picks a localized template, e.g. de or zh-CN
  --payload <json>         More template variables, e.g. '{"link":"https://…","user":{"name":"Ada"}}'

${configHelp}`,
  test: `Usage: smtp-connector test --to <address> [--config <file.json>] [--json]

Sends the Generic template with a random six-digit code (what a setup page's "Send test
email" button does). The code is not printed.

Options:
  --to <address>           Recipient (required)

${configHelp}`,
};
