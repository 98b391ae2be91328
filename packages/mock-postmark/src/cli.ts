import { parseCliArgs, usage } from './cli-args.js';
import { startMockPostmarkServer } from './start-mock-postmark-server.js';
import type { MockPostmarkServerOptions } from './types.js';

async function main(argv: string[]): Promise<void> {
  let options: MockPostmarkServerOptions | 'help';
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`mock-postmark: ${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return;
  }
  const server = await startMockPostmarkServer(options);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(
    `mock-postmark: Postmark API mock listening on ${server.url}\n  connector: { baseUrl: '${server.url}' }\n  outbox:    ${server.url}/_mock/outbox\nPress Ctrl+C to stop.\n`,
  );
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`mock-postmark: ${error.message}\n`);
  process.exit(1);
});
