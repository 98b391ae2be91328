import { parseCliArgs, usage } from './cli-args.js';
import { startMock__PASCAL__Server } from './start-mock-__NAME__-server.js';
import type { Mock__PASCAL__ServerOptions } from './types.js';

async function main(argv: string[]): Promise<void> {
  let options: Mock__PASCAL__ServerOptions | 'help';
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`mock-__NAME__: ${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return;
  }
  const server = await startMock__PASCAL__Server(options);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(
    `mock-__NAME__: __TITLE__ API mock listening on ${server.url}\n  connector: { baseUrl: '${server.url}' }\n  outbox:    ${server.url}/_mock/outbox\nPress Ctrl+C to stop.\n`,
  );
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`mock-__NAME__: ${error.message}\n`);
  process.exit(1);
});
