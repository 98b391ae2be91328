import { parseCliArgs } from './cli/parse-cli-args.js';
import { cliUsage } from './cli/usage.js';
import { startMockSesServer } from './server/start-mock-ses-server.js';
import type { MockSesServer, MockSesServerOptions } from './types.js';

function describe(options: MockSesServerOptions, region: string) {
  const identities = options.identities?.length ? options.identities.join(', ') : 'any sender';
  const keys = options.credentials
    ? (Array.isArray(options.credentials) ? options.credentials : [options.credentials])
        .map((key) => key.accessKeyId)
        .join(', ')
    : undefined;
  return [
    `region ${region}`,
    `sandbox ${options.sandbox ? 'on' : 'off'}`,
    `identities: ${identities}`,
    keys ? `signatures checked for ${keys}` : 'signatures not checked',
  ].join(' | ');
}

async function main(argv: string[]) {
  const args = parseCliArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(cliUsage);
    return;
  }
  if (args.kind === 'error') {
    process.stderr.write(`mock-ses: ${args.message}\nRun mock-ses --help for the options.\n`);
    process.exitCode = 2;
    return;
  }

  let server: MockSesServer | undefined;
  let stopping = false;
  // Registered before anything is printed: a supervisor may signal as soon as it reads the URL.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`mock-ses: ${signal} again, exiting without waiting.\n`);
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`mock-ses: ${signal} received, stopping.\n`);
    if (!server) process.exit(0);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`mock-ses: could not close cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    server = await startMockSesServer(args.options);
  } catch (error) {
    process.stderr.write(`mock-ses: ${(error as Error).message}\n`);
    process.exit(1);
  }

  const { url, mock } = server;
  process.stdout.write(
    [
      `mock-ses: Amazon SES v2 mock listening on ${url}`,
      `  SES endpoint: ${url}  (new SESv2Client({ endpoint: '${url}', region: '${mock.region}', credentials }))`,
      `  outbox page:  ${url}/`,
      `  mock API:     ${url}/_mock/outbox  (LocalStack style: ${url}/_aws/ses)`,
      `  ${describe(args.options, mock.region)}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  // Subjects and bodies stay out of the log: they may carry verification codes.
  mock.outbox.subscribe((message) => {
    const recipients = message.to.length + message.cc.length + message.bcc.length;
    process.stdout.write(
      `accepted ${message.operation} ${message.messageId} from ${message.fromAddress} to ${recipients} recipient(s): ${url}/#${encodeURIComponent(message.messageId)}\n`,
    );
  });
}

void main(process.argv.slice(2));
