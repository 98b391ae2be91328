import { parseArgs } from 'node:util';
import type { MockPostmarkServerOptions } from './types.js';

export const usage = `Usage: mock-postmark [options]

A local mock of the Postmark API for development and tests.

Options:
  --port <n>              port to listen on (default: a free one)
  --host <address>        address to bind (default 127.0.0.1)
  --server-token <token>  accept only this server token (repeatable; default: any)
  --account-token <token> accept only this account token (repeatable; default: any)
  --sender <address>      a confirmed sender signature; once given, other From addresses are
                          refused (repeatable; a bare domain signs the whole domain)
  --inactive <address>    a recipient marked inactive (repeatable)
  --sandbox               GET /server reports DeliveryType Sandbox
  --rate-limit <n>        requests per second per token (default: unlimited)
  -h, --help              show this help
`;

export function parseCliArgs(argv: string[]): MockPostmarkServerOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'server-token': { type: 'string', multiple: true },
      'account-token': { type: 'string', multiple: true },
      sender: { type: 'string', multiple: true },
      inactive: { type: 'string', multiple: true },
      sandbox: { type: 'boolean' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new Error(`--${name} must be an integer ≥ 0`);
    return parsed;
  };
  const port = number('port', values.port);
  const rateLimit = number('rate-limit', values['rate-limit']);
  return {
    ...(port === undefined ? {} : { port }),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values['server-token'] ? { serverTokens: values['server-token'] } : {}),
    ...(values['account-token'] ? { accountTokens: values['account-token'] } : {}),
    ...(values.sender
      ? {
          senderSignatures: values.sender.map((value) =>
            value.includes('@') ? { email: value } : { domain: value },
          ),
        }
      : {}),
    ...(values.inactive ? { inactiveRecipients: values.inactive } : {}),
    ...(values.sandbox ? { server: { deliveryType: 'Sandbox' as const } } : {}),
    ...(rateLimit === undefined ? {} : { rateLimit }),
  };
}
