import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-cli-args.js';
import { defaultCliPort } from './usage.js';

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1 on the default port', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: { port: defaultCliPort, host: '127.0.0.1' },
    });
  });

  it('maps every flag to a server option', () => {
    const args = parseCliArgs([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--region',
      'eu-west-2',
      '--sandbox',
      '--identity',
      'sender@acme.test',
      '--identity',
      'acme.test',
      '--max-send-rate',
      '14',
      '--max-24h-send',
      '200',
      '--verify-signatures',
      'AKIDEXAMPLE:secret/with+chars',
    ]);
    expect(args).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '0.0.0.0',
        region: 'eu-west-2',
        sandbox: true,
        identities: ['sender@acme.test', 'acme.test'],
        maxSendRate: 14,
        max24HourSend: 200,
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret/with+chars' },
      },
    });
  });

  it('accepts several key pairs', () => {
    const args = parseCliArgs(['--verify-signatures', 'A:a', '--verify-signatures', 'B:b']);
    expect(args.kind === 'run' && args.options.credentials).toEqual([
      { accessKeyId: 'A', secretAccessKey: 'a' },
      { accessKeyId: 'B', secretAccessKey: 'b' },
    ]);
  });

  it('asks for help with --help or -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', 'http'], /--port must be an integer from 0 to 65535 \(got "http"\)/],
    [['--port', '70000'], /--port must be an integer/],
    [['--port', '-1'], /--port/],
    [['--region', 'mars'], /--region must be an AWS region code/],
    [['--identity', 'not an address'], /--identity must be an email address or a domain/],
    [['--max-send-rate', '0'], /--max-send-rate must be a number above 0/],
    [['--max-24h-send', '1.5'], /--max-24h-send must be an integer/],
    [['--host', ''], /--host must be a host name or an IP address/],
    [['--host', '127.0.0.1\r\nx'], /--host must be a host name or an IP address/],
    [['--host', 'a b'], /--host/],
    [['--region', 'x\r\ny'], /--region must be an AWS region code/],
    [
      ['--verify-signatures', 'AKID\u0001:secret'],
      /credentials\.accessKeyId must be 1 to 128 printable ASCII/,
    ],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--port'], /--port/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('rejects %j with a clear message', (argv, message) => {
    const args = parseCliArgs(argv);
    expect(args.kind).toBe('error');
    expect(args.kind === 'error' && args.message).toMatch(message);
  });

  it('never echoes a malformed secret', () => {
    const args = parseCliArgs(['--verify-signatures', 'no-colon-supersecret']);
    expect(args.kind).toBe('error');
    const message = args.kind === 'error' ? args.message : '';
    expect(message).toMatch(/ACCESS_KEY_ID:SECRET_ACCESS_KEY/);
    expect(message).not.toContain('supersecret');
  });
});
