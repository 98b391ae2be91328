import { parseArgs } from 'node:util';
import type { MockResendServerOptions } from './types.js';

export const usage = `Usage: mock-resend [options]

A local mock of the Resend API for development and tests.

Options:
  --port <n>          port to listen on (default: a free one)
  --host <address>    address to bind (default 127.0.0.1)
  --api-key <key>     accept only this full-access key (repeatable; default: any re_… key)
  --sending-key <key> a sending-only key (repeatable)
  --domain <name>     a verified domain; once given, other sender domains are refused (repeatable)
  --rate-limit <n>    requests per second per key (default: unlimited)
  --daily-quota <n>   emails per 24 hours (default: unlimited)
  -h, --help          show this help
`;

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be an integer ≥ 0`);
  return number;
}

export function parseCliArgs(argv: string[]): MockResendServerOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'sending-key': { type: 'string', multiple: true },
      domain: { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'daily-quota': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const port = positive('port', values.port);
  const rateLimit = positive('rate-limit', values['rate-limit']);
  const dailyQuota = positive('daily-quota', values['daily-quota']);
  return {
    ...(port === undefined ? {} : { port }),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values['api-key'] ? { apiKeys: values['api-key'] } : {}),
    ...(values['sending-key'] ? { sendingKeys: values['sending-key'] } : {}),
    ...(values.domain ? { domains: values.domain.map((name) => ({ name })) } : {}),
    ...(rateLimit === undefined ? {} : { rateLimit }),
    ...(dailyQuota === undefined ? {} : { dailyQuota }),
  };
}
