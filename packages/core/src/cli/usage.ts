import { usageTypes } from '../usage-types.js';
import type { ConnectorCliHelp } from './connector-cli-definition.js';

export const cliCommandNames = ['check', 'send', 'test'] as const;
export type CliCommandName = (typeof cliCommandNames)[number];

export function isCliCommand(value: string | undefined): value is CliCommandName {
  return (cliCommandNames as readonly string[]).includes(value ?? '');
}

export interface CliUsage {
  main: string;
  commands: Record<CliCommandName, string>;
}

/** The main help and each command's help, from the provider's parts. */
export function cliUsage(bin: string, help: ConnectorCliHelp): CliUsage {
  const configHelp = `Config (one of):
${help.config}

Output:
  --json                   Machine-readable JSON on stdout
  -h, --help               This help

Exit codes: 0 ok, 1 the operation failed, 2 bad usage or config.`;

  const main = `Usage: ${bin} <command> [options]

${help.description}

Commands:
  check    ${help.checkSummary.split('\n').join(`\n${' '.repeat(11)}`)}
  send     Send one email from a template: --to, --type, --code, --locale, --payload
  test     Send the Generic template with a random six-digit code to --to

Run "${bin} <command> --help" for a command's options.

${configHelp}`;

  const check = `Usage: ${bin} check ${help.checkUsage ?? '[--config <file.json>] [--json]'}

${help.checkDescription}

${configHelp}`;

  const send = `Usage: ${bin} send --to <address> --type <usage type> [options]

Sends one email rendered from the config's templates.

Options:
  --to <address>           Recipient (required)
  --type <usage type>      One of ${usageTypes.join(', ')} (required)
  --code <code>            The {{code}} variable (never printed back)
  --locale <tag>           Picks a localized template, e.g. de or zh-CN
  --payload <json>         More template variables, e.g. '{"link":"https://…","user":{"name":"Ada"}}'

${configHelp}`;

  const test = `Usage: ${bin} test --to <address> [--config <file.json>] [--json]

Sends the Generic template with a random six-digit code (what a setup page's "Send test
email" button does). The code is not printed.

Options:
  --to <address>           Recipient (required)

${configHelp}`;

  return { main, commands: { check, send, test } };
}
