import type { SendPayload } from '../contract.js';
import { parseMailbox } from '../mailbox.js';
import { isUsageType, type UsageType, usageTypes } from '../usage-types.js';
import { displayArgument, maxCliPayloadLength } from './cli-limits.js';
import { CliUsageError } from './cli-usage-error.js';
import type { CliCommandName } from './usage.js';

/** The options of `send` and `test` as parsed from the command line. */
export interface CliJobOptions {
  to?: string;
  type?: string;
  code?: string;
  locale?: string;
  payload?: string;
}

/** One validated command, ready to run. */
export type CliJob =
  | { command: 'check' }
  | { command: 'test'; to: string }
  | { command: 'send'; to: string; type: UsageType; payload: SendPayload };

function requireRecipient(to: string | undefined): string {
  if (to === undefined || to.trim() === '') {
    throw new CliUsageError('--to is required.', 'Pass the recipient: --to ada@example.com');
  }
  try {
    parseMailbox(to, { label: '--to' });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  return to;
}

function parsePayload(options: CliJobOptions): SendPayload {
  let payload: SendPayload = {};
  if (options.payload !== undefined) {
    if (options.payload.length > maxCliPayloadLength) {
      throw new CliUsageError(
        `--payload is ${options.payload.length} characters long; the maximum is ${maxCliPayloadLength}.`,
        'Pass only the template variables the templates use.',
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(options.payload);
    } catch {
      throw new CliUsageError(
        '--payload is not valid JSON.',
        `Pass a JSON object, e.g. --payload '{"link":"https://example.com/invite"}'`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CliUsageError('--payload must be a JSON object.');
    }
    payload = parsed as SendPayload;
  }
  if (options.code !== undefined) payload.code = options.code;
  if (options.locale !== undefined) payload.locale = options.locale;
  return payload;
}

function requireType(type: string | undefined): UsageType {
  if (type === undefined) {
    throw new CliUsageError('--type is required.', `One of: ${usageTypes.join(', ')}.`);
  }
  if (!isUsageType(type)) {
    throw new CliUsageError(
      `--type ${displayArgument(type, 60)} is not a usage type.`,
      `One of: ${usageTypes.join(', ')}.`,
    );
  }
  return type;
}

/** Validates the command's own arguments before any config is read or the provider reached. */
export function toCliJob(command: CliCommandName, options: CliJobOptions): CliJob {
  if (command === 'check') return { command };
  const to = requireRecipient(options.to);
  if (command === 'test') return { command, to };
  return { command, to, type: requireType(options.type), payload: parsePayload(options) };
}
