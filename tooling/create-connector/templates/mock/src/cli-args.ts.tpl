import { parseArgs } from 'node:util';
import type { Mock__PASCAL__ServerOptions } from './types.js';

export const usage = `Usage: mock-__NAME__ [options]

A local mock of the __TITLE__ API for development and tests.

Options:
  --port <n>          port to listen on (default: a free one)
  --host <address>    address to bind (default 127.0.0.1)
  --api-key <key>     accept only this key (repeatable; default: any key)
  -h, --help          show this help
`;

function port(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535) {
    throw new Error('--port must be an integer from 0 to 65535');
  }
  return number;
}

/** TODO: flags for the mock's other options (senders, limits), as Mock__PASCAL__Options grows. */
export function parseCliArgs(argv: string[]): Mock__PASCAL__ServerOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const listen = port(values.port);
  return {
    ...(listen === undefined ? {} : { port: listen }),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values['api-key'] ? { apiKeys: values['api-key'] } : {}),
  };
}
