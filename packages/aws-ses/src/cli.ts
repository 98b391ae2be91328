import { runCli } from './cli/run-cli.js';

// A CLI user on Node 20 gets nothing actionable from the SDK's Node-version notice on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The `ses-connector` bin: bin/ses-connector.js imports the built dist/cli.js.
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
      `ses-connector: unexpected failure: ${(error as Error)?.message ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
