import { type CliIo, type ConnectorCliDefinition, runConnectorCli } from '@org/connector-core/cli';
import { createSmtpConnector } from '../connector.js';
import { portValue, smtpConfigFromEnv } from './env-config.js';
import { smtpCliHelp } from './usage.js';

function describeTarget(config: Readonly<Record<string, unknown>>): string {
  const secure = config.secure === true;
  const port = typeof config.port === 'number' ? config.port : secure ? 465 : 587;
  const tls = secure
    ? 'implicit TLS'
    : config.ignoreTLS === true
      ? 'no TLS'
      : config.requireTLS === true
        ? 'STARTTLS required'
        : 'STARTTLS if offered';
  const parts = [`${String(config.host)}:${port}`, tls, `sender ${String(config.fromEmail)}`];
  const auth = config.auth as { user?: unknown } | undefined;
  if (typeof auth?.user === 'string') parts.push(`user ${auth.user}`);
  return parts.join(', ');
}

/** `smtp-connector`: the shared connector CLI with the SMTP config sources and flags. */
export const smtpCli: ConnectorCliDefinition = {
  bin: 'smtp-connector',
  providerName: 'SMTP',
  createConnector: createSmtpConnector,
  flags: {
    host: { configKey: 'host' },
    port: { configKey: 'port', toConfigValue: portValue },
    from: { configKey: 'fromEmail' },
  },
  configFromEnv: smtpConfigFromEnv,
  requiredConfig: [
    {
      key: 'host',
      message:
        'No SMTP host: the config has no host, SMTP_HOST is not set and --host was not given.',
      hint: 'Pass --host smtp.example.com (and --port), set SMTP_HOST, or add host to the config file.',
    },
    {
      key: 'fromEmail',
      message: 'No From address: the config has no fromEmail and --from was not given.',
      hint: 'Pass --from "Acme <noreply@acme.com>" or add fromEmail to the config file.',
    },
  ],
  describeTarget,
  providerCodeLabel: 'SMTP',
  help: smtpCliHelp,
};

/** Runs `smtp-connector` with the given arguments and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runConnectorCli(smtpCli, argv, io);
}
