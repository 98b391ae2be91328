import { runCli } from './cli/run-cli.js';

// The `smtp-connector` bin: bin/smtp-connector.js imports the built dist/cli.js.
void runCli(process.argv.slice(2), {
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
      `smtp-connector: unexpected failure: ${(error as Error)?.message ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
