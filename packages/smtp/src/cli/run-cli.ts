import { parseArgs } from 'node:util';
import {
  ConnectorError,
  isUsageType,
  parseMailbox,
  type SendPayload,
  type UsageType,
  usageTypes,
} from '@org/connector-core';
import { createSmtpConnector, type SmtpConnector } from '../connector.js';
import { CliUsageError } from './cli-usage-error.js';
import { formatCheckReport, formatConnectorError, formatSendResult } from './format-output.js';
import { loadCliConfig } from './load-config.js';
import { type CommandName, commandNames, commandUsage, mainUsage } from './usage.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

const options = {
  config: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  from: { type: 'string' },
  templates: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
  code: { type: 'string' },
  locale: { type: 'string' },
  payload: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = {
  config?: string;
  host?: string;
  port?: string;
  from?: string;
  templates?: string;
  to?: string;
  type?: string;
  code?: string;
  locale?: string;
  payload?: string;
  json?: boolean;
  help?: boolean;
};

const commonOptions = ['config', 'host', 'port', 'from', 'templates', 'json', 'help'];
const allowedOptions: Record<CommandName, readonly string[]> = {
  check: commonOptions,
  send: [...commonOptions, 'to', 'type', 'code', 'locale', 'payload'],
  test: [...commonOptions, 'to'],
};

function isCommand(value: string | undefined): value is CommandName {
  return (commandNames as readonly string[]).includes(value ?? '');
}

function requireRecipient(to: string | undefined): string {
  if (to === undefined || to.trim() === '') {
    throw new CliUsageError('--to is required.', 'Pass the recipient: --to ada@example.com');
  }
  try {
    parseMailbox(to, { label: '--to' });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  return to;
}

function parsePayload(values: Values): SendPayload {
  let payload: SendPayload = {};
  if (values.payload !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.payload);
    } catch {
      throw new CliUsageError(
        '--payload is not valid JSON.',
        `Pass a JSON object, e.g. --payload '{"link":"https://example.com/invite"}'`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CliUsageError('--payload must be a JSON object.');
    }
    payload = parsed as SendPayload;
  }
  if (values.code !== undefined) payload.code = values.code;
  if (values.locale !== undefined) payload.locale = values.locale;
  return payload;
}

function requireType(type: string | undefined): UsageType {
  if (type === undefined) {
    throw new CliUsageError('--type is required.', `One of: ${usageTypes.join(', ')}.`);
  }
  if (!isUsageType(type)) {
    throw new CliUsageError(
      `--type ${type} is not a usage type.`,
      `One of: ${usageTypes.join(', ')}.`,
    );
  }
  return type;
}

function describeTarget(config: Record<string, unknown>): string {
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

type Job =
  | { command: 'check' }
  | { command: 'test'; to: string }
  | { command: 'send'; to: string; type: UsageType; payload: SendPayload };

/** Validates the command's own arguments before any config is read or the server is reached. */
function toJob(command: CommandName, values: Values): Job {
  if (command === 'check') return { command };
  const to = requireRecipient(values.to);
  if (command === 'test') return { command, to };
  return { command, to, type: requireType(values.type), payload: parsePayload(values) };
}

async function execute(
  job: Job,
  json: boolean,
  connector: SmtpConnector,
  config: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  if (job.command === 'check') {
    const report = await connector.check();
    if (json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(formatCheckReport(report, `SMTP preflight (${describeTarget(config)})`));
    return report.ok ? exitCodes.ok : exitCodes.failed;
  }
  if (job.command === 'test') {
    const result = await connector.testSend(job.to);
    if (json) io.stdout(`${JSON.stringify({ ok: true, result }, null, 2)}\n`);
    else {
      io.stdout(
        formatSendResult(`Sent a test email (Generic template) to ${job.to}`, result, {
          code: '****** (a random six-digit code, not shown)',
        }),
      );
    }
    return exitCodes.ok;
  }
  const { to, type, payload } = job;
  const result = await connector.sendMessage({ to, type, payload });
  if (json) io.stdout(`${JSON.stringify({ ok: true, result }, null, 2)}\n`);
  else {
    io.stdout(
      formatSendResult(`Sent a ${type} email to ${to}`, result, {
        ...(payload.locale === undefined ? {} : { locale: String(payload.locale) }),
        ...(payload.code === undefined ? {} : { code: '******' }),
      }),
    );
  }
  return exitCodes.ok;
}

function report(error: unknown, json: boolean, io: CliIo): number {
  if (error instanceof CliUsageError) {
    if (json) {
      const body = {
        code: 'usage',
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
      };
      io.stdout(`${JSON.stringify({ ok: false, error: body }, null, 2)}\n`);
    } else {
      io.stderr(`Error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      io.stderr('Run "smtp-connector --help" for usage.\n');
    }
    return exitCodes.usage;
  }
  const connectorError = ConnectorError.isInstance(error)
    ? error
    : new ConnectorError(
        'general',
        `Unexpected failure: ${(error as Error)?.message ?? String(error)}`,
        {
          cause: error,
        },
      );
  if (json)
    io.stdout(`${JSON.stringify({ ok: false, error: connectorError.toJSON() }, null, 2)}\n`);
  else io.stderr(formatConnectorError(connectorError));
  return connectorError.code === 'invalid_config' ? exitCodes.usage : exitCodes.failed;
}

/** Runs `smtp-connector` with the given arguments and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    const json = argv.includes('--json');
    return report(new CliUsageError((error as Error).message), json, io);
  }
  const json = values.json === true;
  const [command, ...extra] = positionals;

  if (command === undefined || command === 'help') {
    const topic = extra[0];
    if (isCommand(topic)) io.stdout(`${commandUsage[topic]}\n`);
    else io.stdout(`${mainUsage}\n`);
    return values.help || command === 'help' ? exitCodes.ok : exitCodes.usage;
  }
  if (!isCommand(command)) {
    return report(
      new CliUsageError(`Unknown command "${command}".`, `Use one of: ${commandNames.join(', ')}.`),
      json,
      io,
    );
  }
  if (values.help) {
    io.stdout(`${commandUsage[command]}\n`);
    return exitCodes.ok;
  }
  if (extra.length > 0) {
    return report(new CliUsageError(`Unexpected argument "${extra[0]}".`), json, io);
  }
  const misplaced = Object.keys(values).find((key) => !allowedOptions[command].includes(key));
  if (misplaced !== undefined) {
    return report(
      new CliUsageError(
        `--${misplaced} is not an option of "${command}".`,
        `See "smtp-connector ${command} --help".`,
      ),
      json,
      io,
    );
  }

  let connector: SmtpConnector | undefined;
  try {
    const job = toJob(command, values);
    const config = await loadCliConfig({
      ...(values.config === undefined ? {} : { configPath: values.config }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values.port === undefined ? {} : { port: values.port }),
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.templates === undefined ? {} : { templatesPath: values.templates }),
      env: io.env,
      cwd: io.cwd,
    });
    connector = createSmtpConnector(config);
    return await execute(job, json, connector, config, io);
  } catch (error) {
    return report(error, json, io);
  } finally {
    await connector?.close();
  }
}
