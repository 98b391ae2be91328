import { parseArgs } from 'node:util';
import { ConnectorError } from '../connector-error.js';
import type { EmailConnector } from '../contract.js';
import { type CliJob, toCliJob } from './cli-job.js';
import { quoteArgument } from './cli-limits.js';
import { CliUsageError } from './cli-usage-error.js';
import type { CliIo, ConnectorCliDefinition } from './connector-cli-definition.js';
import { formatCheckReport, formatConnectorError, formatSendResult } from './format-output.js';
import { loadCliConfig } from './load-config.js';
import { type CliCommandName, cliCommandNames, cliUsage, isCliCommand } from './usage.js';

/** 0 ok, 1 the operation failed (a send, a failed check), 2 bad usage or config. */
export const cliExitCodes = { ok: 0, failed: 1, usage: 2 } as const;

const sharedOptions = {
  config: { type: 'string' },
  templates: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
  code: { type: 'string' },
  locale: { type: 'string' },
  payload: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const commandOptions: Record<CliCommandName, readonly string[]> = {
  check: [],
  send: ['to', 'type', 'code', 'locale', 'payload'],
  test: ['to'],
};

type Values = Record<string, string | boolean | undefined>;

function providerFlagNames(definition: ConnectorCliDefinition): string[] {
  const names = Object.keys(definition.flags ?? {});
  const taken = names.find((name) => Object.hasOwn(sharedOptions, name));
  if (taken !== undefined) {
    throw new ConnectorError(
      'general',
      `The ${definition.bin} CLI defines the flag --${taken}, which the shared CLI already has.`,
      { hint: 'Rename the provider flag in the ConnectorCliDefinition.' },
    );
  }
  return names;
}

const printJson = (io: CliIo, value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);

async function execute(
  definition: ConnectorCliDefinition,
  job: CliJob,
  json: boolean,
  connector: EmailConnector,
  config: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  if (job.command === 'check') {
    if (!connector.check) {
      throw new CliUsageError(
        `The ${definition.providerName} connector has no preflight check.`,
        `Send a test email instead: ${definition.bin} test --to <address>`,
      );
    }
    const report = await connector.check();
    if (json) printJson(io, report);
    else {
      const target = definition.describeTarget ? ` (${definition.describeTarget(config)})` : '';
      io.stdout(formatCheckReport(report, `${definition.providerName} preflight${target}`));
    }
    return report.ok ? cliExitCodes.ok : cliExitCodes.failed;
  }
  if (job.command === 'test') {
    const result = await connector.testSend(job.to);
    if (json) printJson(io, { ok: true, result });
    else {
      io.stdout(
        formatSendResult(`Sent a test email (Generic template) to ${job.to}`, result, {
          code: '****** (a random six-digit code, not shown)',
        }),
      );
    }
    return cliExitCodes.ok;
  }
  const { to, type, payload } = job;
  const result = await connector.sendMessage({ to, type, payload });
  if (json) printJson(io, { ok: true, result });
  else {
    io.stdout(
      formatSendResult(`Sent a ${type} email to ${to}`, result, {
        ...(payload.locale === undefined ? {} : { locale: String(payload.locale) }),
        ...(payload.code === undefined ? {} : { code: '******' }),
      }),
    );
  }
  return cliExitCodes.ok;
}

function report(
  definition: ConnectorCliDefinition,
  error: unknown,
  json: boolean,
  io: CliIo,
): number {
  if (error instanceof CliUsageError) {
    if (json) {
      const body = {
        code: 'usage',
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
      };
      printJson(io, { ok: false, error: body });
    } else {
      io.stderr(`Error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      io.stderr(`Run "${definition.bin} --help" for usage.\n`);
    }
    return cliExitCodes.usage;
  }
  const connectorError = ConnectorError.isInstance(error)
    ? error
    : new ConnectorError(
        'general',
        `Unexpected failure: ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
  if (json) printJson(io, { ok: false, error: connectorError.toJSON() });
  else io.stderr(formatConnectorError(connectorError, definition.providerCodeLabel));
  return connectorError.code === 'invalid_config' ? cliExitCodes.usage : cliExitCodes.failed;
}

/**
 * Runs a provider's CLI (`check`, `send`, `test`) with the given arguments and returns the exit
 * code. Output goes to `io`; secrets and verification codes are never printed.
 */
export async function runConnectorCli(
  definition: ConnectorCliDefinition,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const flagNames = providerFlagNames(definition);
  const options = {
    ...Object.fromEntries(flagNames.map((name) => [name, { type: 'string' as const }])),
    ...sharedOptions,
  };
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    }) as { values: Values; positionals: string[] });
  } catch (error) {
    return report(
      definition,
      new CliUsageError((error as Error).message),
      argv.includes('--json'),
      io,
    );
  }
  const json = values.json === true;
  const [command, ...extra] = positionals;
  const usage = cliUsage(definition.bin, definition.help);

  if (command === undefined || command === 'help') {
    const topic = extra[0];
    io.stdout(`${isCliCommand(topic) ? usage.commands[topic] : usage.main}\n`);
    return values.help || command === 'help' ? cliExitCodes.ok : cliExitCodes.usage;
  }
  if (!isCliCommand(command)) {
    return report(
      definition,
      new CliUsageError(
        `Unknown command ${quoteArgument(command)}.`,
        `Use one of: ${cliCommandNames.join(', ')}.`,
      ),
      json,
      io,
    );
  }
  if (values.help) {
    io.stdout(`${usage.commands[command]}\n`);
    return cliExitCodes.ok;
  }
  if (extra.length > 0) {
    return report(
      definition,
      new CliUsageError(`Unexpected argument ${quoteArgument(extra[0]!)}.`),
      json,
      io,
    );
  }
  const allowed = ['config', 'templates', 'json', 'help', ...flagNames, ...commandOptions[command]];
  const misplaced = Object.keys(values).find((key) => !allowed.includes(key));
  if (misplaced !== undefined) {
    return report(
      definition,
      new CliUsageError(
        `--${misplaced} is not an option of "${command}".`,
        `See "${definition.bin} ${command} --help".`,
      ),
      json,
      io,
    );
  }

  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flags: Record<string, string> = {};
  for (const name of flagNames) {
    const value = text(name);
    if (value !== undefined) flags[name] = value;
  }
  let connector: EmailConnector | undefined;
  try {
    const job = toCliJob(command, {
      to: text('to'),
      type: text('type'),
      code: text('code'),
      locale: text('locale'),
      payload: text('payload'),
    });
    const config = await loadCliConfig(definition, {
      configPath: text('config'),
      templatesPath: text('templates'),
      flags,
      env: io.env,
      cwd: io.cwd,
    });
    connector = definition.createConnector(config);
    return await execute(definition, job, json, connector, config, io);
  } catch (error) {
    return report(definition, error, json, io);
  } finally {
    await connector?.close();
  }
}
