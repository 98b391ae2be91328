import type { EmailConnector } from '../contract.js';
import type { Template } from '../template.js';

/** Where the CLI writes and what it reads from its surroundings (the process, or a test). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Relative `--config` and `--templates` paths are resolved from here. */
  cwd: string;
}

/** A provider flag (e.g. `--from`, `--host`) that sets one config field on every command. */
export interface CliConfigFlag {
  /** The config field it sets; a flag wins over the config file and the environment. */
  configKey: string;
  /** Turns the flag's text into the config value; default: the text as it is. */
  toConfigValue?: (value: string) => unknown;
}

/** A config field the CLI insists on before creating the connector, with what to tell the user. */
export interface CliRequiredConfig {
  key: string;
  message: string;
  hint?: string;
}

/** The provider's parts of the help text; the rest (send, test, output, exit codes) is shared. */
export interface ConnectorCliHelp {
  /** The line under the main usage, e.g. `SMTP connector CLI: check a server, send one email, …`. */
  description: string;
  /** `check` in the command list; a `\n` starts an aligned continuation line. */
  checkSummary: string;
  /** What follows `Usage: <bin> check`; default `[--config <file.json>] [--json]`. */
  checkUsage?: string;
  /** What `check` does, under its usage line. */
  checkDescription: string;
  /** The lines under `Config (one of):`: the config file, environment variables, flags. */
  config: string;
}

/**
 * A provider's adapter for `runConnectorCli`: everything that differs between providers' CLIs.
 * The commands (`check`, `send`, `test`), `--config`, `--templates`, `--json`, `--help`, the
 * output and the exit codes are the same for every provider.
 */
export interface ConnectorCliDefinition {
  /** The command's name, e.g. `ses-connector`, used in help and error output. */
  bin: string;
  /** The provider in prose, e.g. `Amazon SES`: the check heading is `<providerName> preflight`. */
  providerName: string;
  /** Creates the connector from the assembled config; it validates it (`invalid_config`). */
  createConnector: (config: unknown) => EmailConnector;
  /** Provider flags by name (without `--`), allowed on every command. */
  flags?: Readonly<Record<string, CliConfigFlag>>;
  /**
   * Config values taken from the environment. `fileConfig` is what `--config` gave: return
   * values only for fields it leaves out (see `hasConfigValue`). Throw a `CliUsageError` for
   * an unusable variable. Flags are applied after, and win.
   */
  configFromEnv?: (
    env: Readonly<Record<string, string | undefined>>,
    fileConfig: Readonly<Record<string, unknown>>,
  ) => Record<string, unknown>;
  /** Checked in order once the config is assembled; a missing one is a usage error (exit 2). */
  requiredConfig?: readonly CliRequiredConfig[];
  /** The target in the check heading, e.g. `region us-east-1, sender …`; never a secret. */
  describeTarget?: (config: Readonly<Record<string, unknown>>) => string;
  /** What the error's `providerCode` is, e.g. `SES error` or `SMTP`. */
  providerCodeLabel: string;
  /** Used when neither the config nor `--templates` has templates; default `defaultCliTemplates`. */
  defaultTemplates?: readonly Template[];
  help: ConnectorCliHelp;
}
