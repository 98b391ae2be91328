import type { ConnectorCliDefinition } from './connector-cli-definition.js';
import { runConnectorCli } from './run-connector-cli.js';

/**
 * The body of a provider's bin: runs the CLI on this process's arguments, environment and
 * working directory, and sets `process.exitCode` (no `process.exit`, so output is flushed).
 */
export function runConnectorCliMain(definition: ConnectorCliDefinition): Promise<void> {
  return runConnectorCli(definition, process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(
        `${definition.bin}: unexpected failure: ${(error as Error)?.message ?? error}\n`,
      );
      process.exitCode = 1;
    },
  );
}
