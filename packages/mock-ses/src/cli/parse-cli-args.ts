import { parseArgs } from 'node:util';
import { MockSesInputError } from '../mock-ses-input-error.js';
import {
  assertServerOptions,
  DOMAIN_IDENTITY_PATTERN,
  EMAIL_IDENTITY_PATTERN,
  HOST_PATTERN,
  REGION_PATTERN,
} from '../options-schema.js';
import type { MockCredentials, MockSesServerOptions } from '../types.js';
import { defaultCliPort } from './usage.js';

export type CliArgs =
  | { kind: 'help' }
  | { kind: 'run'; options: MockSesServerOptions }
  | { kind: 'error'; message: string };

class CliArgError extends Error {}

function integer(flag: string, raw: string, min: number, max: number) {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliArgError(
      `${flag} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)}).`,
    );
  }
  return value;
}

function positiveNumber(flag: string, raw: string) {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new CliArgError(`${flag} must be a number above 0 (got ${JSON.stringify(raw)}).`);
  }
  return value;
}

function identity(raw: string) {
  const value = raw.trim();
  if (!EMAIL_IDENTITY_PATTERN.test(value) && !DOMAIN_IDENTITY_PATTERN.test(value)) {
    throw new CliArgError(
      `--identity must be an email address or a domain, like sender@example.com or example.com (got ${JSON.stringify(raw)}).`,
    );
  }
  return value;
}

function credentials(raw: string): MockCredentials {
  const separator = raw.indexOf(':');
  const accessKeyId = separator > 0 ? raw.slice(0, separator) : '';
  const secretAccessKey = separator > 0 ? raw.slice(separator + 1) : '';
  // The value holds a secret: the message describes the expected shape and never echoes it.
  if (!accessKeyId || !secretAccessKey || /\s/.test(accessKeyId)) {
    throw new CliArgError(
      '--verify-signatures must look like ACCESS_KEY_ID:SECRET_ACCESS_KEY (an access key id, a colon, then the secret).',
    );
  }
  return { accessKeyId, secretAccessKey };
}

/** Turns argv into server options; every invalid value becomes one clear message. */
export function parseCliArgs(argv: string[]): CliArgs {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        region: { type: 'string' },
        sandbox: { type: 'boolean' },
        identity: { type: 'string', multiple: true },
        'max-send-rate': { type: 'string' },
        'max-24h-send': { type: 'string' },
        'verify-signatures': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { kind: 'help' };

    const options: MockSesServerOptions = {
      port: values.port === undefined ? defaultCliPort : integer('--port', values.port, 0, 65_535),
      host: values.host ?? '127.0.0.1',
    };
    if (!HOST_PATTERN.test(options.host ?? '')) {
      throw new CliArgError(
        `--host must be a host name or an IP address such as 127.0.0.1, 0.0.0.0 or ::1 (got ${JSON.stringify(options.host)}).`,
      );
    }
    if (values.region !== undefined) {
      if (!REGION_PATTERN.test(values.region)) {
        throw new CliArgError(
          `--region must be an AWS region code like us-east-1 or eu-west-2 (got ${JSON.stringify(values.region)}).`,
        );
      }
      options.region = values.region;
    }
    if (values.sandbox) options.sandbox = true;
    if (values.identity) options.identities = values.identity.map(identity);
    if (values['max-send-rate'] !== undefined) {
      options.maxSendRate = positiveNumber('--max-send-rate', values['max-send-rate']);
    }
    if (values['max-24h-send'] !== undefined) {
      options.max24HourSend = integer(
        '--max-24h-send',
        values['max-24h-send'],
        1,
        Number.MAX_SAFE_INTEGER,
      );
    }
    const keys = values['verify-signatures'];
    if (keys)
      options.credentials = keys.length === 1 ? credentials(keys[0]!) : keys.map(credentials);
    // The same checks the library makes, so a flag never starts a server that fails later.
    assertServerOptions(options, 'mock-ses');
    return { kind: 'run', options };
  } catch (error) {
    if (error instanceof CliArgError || error instanceof MockSesInputError) {
      return { kind: 'error', message: error.message };
    }
    // node:util parseArgs errors (unknown flag, missing value) name the flag, not its value.
    if (error instanceof TypeError && 'code' in error)
      return { kind: 'error', message: error.message };
    throw error;
  }
}
