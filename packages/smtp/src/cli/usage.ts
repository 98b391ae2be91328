import type { ConnectorCliHelp } from '@org/connector-core/cli';

/** The SMTP parts of `smtp-connector --help`; the commands' shared parts come from core. */
export const smtpCliHelp: ConnectorCliHelp = {
  description: 'SMTP connector CLI: check a server, send one email, or send a test email.',
  checkSummary: 'Preflight: connect, negotiate TLS, log in, quit. Sends nothing.',
  checkUsage: '[--config <file.json>] [--host <name>] [--port <n>] [--json]',
  checkDescription: `Connects to the server, upgrades to TLS (STARTTLS, or implicit TLS with secure), logs in when
credentials are configured and ends the session with QUIT. Sends nothing (no MAIL FROM).
Exits 1 when a step fails (warnings do not fail).`,
  config: `  --config <file.json>     A connector config (host, port, secure, requireTLS, tls, auth,
                           fromEmail, templates, ...)
  environment variables    SMTP_HOST, SMTP_PORT, SMTP_SECURE (true for implicit TLS),
                           SMTP_USER and SMTP_PASS (together), with:
  --host <name>            The SMTP server, e.g. localhost or email-smtp.us-east-1.amazonaws.com
  --port <number>          587 (STARTTLS, the default), 465 (with secure) or 25 / 1025 (relays)
  --from <mailbox>         The From address, e.g. "Acme <noreply@acme.com>"
  --templates <file.json>  A template array (default: a built-in plain set)
  Values in --config win over the environment; the flags win over both. The password is
  never taken from a flag: put it in SMTP_PASS or the config file.`,
};
