// `@org/connector-core/cli`: the command line every provider ships (`check`, `send`, `test`),
// built from a small provider adapter. Node only (node:util parseArgs, node:fs).
export { CliUsageError } from './cli/cli-usage-error.js';
export { hasConfigValue, nonBlank } from './cli/config-values.js';
export type {
  CliConfigFlag,
  CliIo,
  CliRequiredConfig,
  ConnectorCliDefinition,
  ConnectorCliHelp,
} from './cli/connector-cli-definition.js';
export { defaultCliTemplates } from './cli/default-templates.js';
export { cliExitCodes, runConnectorCli } from './cli/run-connector-cli.js';
export { runConnectorCliMain } from './cli/run-connector-cli-main.js';
export { type CliCommandName, cliCommandNames } from './cli/usage.js';
