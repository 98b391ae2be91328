import { parseArgs } from 'node:util';

export const usage = `Usage: pnpm soak [options]

Drives @org/connector-aws-ses against the @org/mock-ses server with mixed faults and checks
that every send ends as a message id or a typed ConnectorError.

Options:
  --n <count>               sends (default 20000)
  --concurrency <count>     sends in flight at once (default 32)
  --fault-rate <0..1>       share of SES requests that fail (default 0.2)
  --seed <int>              fault pattern seed (default 1)
  --timeout-ms <ms>         the connector's requestTimeoutMs (default 1000)
  --max-attempts <count>    the connector's maxAttempts (default 3)
  --watchdog-ms <ms>        a send still pending after this is a hang (default 30000)
  --max-heap-growth-mb <mb> heap growth allowed after gc (default 30)
  --json                    print the summary as JSON instead of a table
  --fleet                   fleet mode: several processes share one Redis (idempotency keys,
                            pacing, recipient limit) and one rate-limited mock SES; every key
                            is sent by two processes; Redis is killed and restarted mid-run
  --processes <count>       fleet mode: processes (default 4)
  --rate <per second>       fleet mode: the mock's MaxSendRate the fleet paces to (default 200)
  --redis-restarts <count>  fleet mode: Redis kills and restarts during the run (default 1)
  -h, --help                show this help
`;

const integer = (name, min, max) => (text) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
};

const fraction = (name) => (text) => {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) {
    throw new Error(`--${name} must be a number from 0 to 1, got "${text}"`);
  }
  return value;
};

const fields = {
  n: { default: '20000', parse: integer('n', 1, 1_000_000) },
  concurrency: { default: '32', parse: integer('concurrency', 1, 1024) },
  'fault-rate': { default: '0.2', parse: fraction('fault-rate') },
  seed: { default: '1', parse: integer('seed', 0, 2 ** 31 - 1) },
  'timeout-ms': { default: '1000', parse: integer('timeout-ms', 50, 300_000) },
  'max-attempts': { default: '3', parse: integer('max-attempts', 1, 10) },
  'watchdog-ms': { default: '30000', parse: integer('watchdog-ms', 1_000, 3_600_000) },
  'max-heap-growth-mb': { default: '30', parse: integer('max-heap-growth-mb', 1, 10_000) },
  processes: { default: '4', parse: integer('processes', 2, 16) },
  rate: { default: '200', parse: integer('rate', 1, 10_000) },
  'redis-restarts': { default: '1', parse: integer('redis-restarts', 0, 10) },
};

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** Parses the soak's command line; throws an Error whose message says what to fix. */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(
        Object.entries(fields).map(([name, field]) => [
          name,
          { type: 'string', default: field.default },
        ]),
      ),
      json: { type: 'boolean', default: false },
      fleet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const options = { json: values.json, help: values.help, fleet: values.fleet };
  for (const [name, field] of Object.entries(fields)) {
    options[camel(name)] = field.parse(values[name]);
  }
  return options;
}
