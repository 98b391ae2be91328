import type { z } from 'zod';
import { formatIssues } from '../config-issues.js';
import { ConnectorError } from '../connector-error.js';
import type { CheckOptions, SendOptions } from '../contract.js';
import { lazySchema } from '../lazy-schema.js';
import { maxMailboxLength } from '../mailbox.js';
import { sendPayloadSchema } from '../send-payload-schema.js';
import { usageTypeSchema } from '../usage-types.js';

const sendInputSchema = lazySchema((z) =>
  z.object({
    to: z
      .string()
      .min(1, 'the recipient must not be empty')
      .max(maxMailboxLength, `the recipient must be at most ${maxMailboxLength} characters`),
    type: usageTypeSchema,
    payload: sendPayloadSchema,
  }),
);

/** The validated input of one send. */
export type ParsedSendInput = z.output<typeof sendInputSchema>;

/** The code of an input not yet validated: scrubbed from errors even when the input is bad. */
export function codeOf(input: unknown): string | undefined {
  const code = (input as { payload?: { code?: unknown } } | null | undefined)?.payload?.code;
  return typeof code === 'string' ? code : undefined;
}

/** @throws ConnectorError `invalid_request_parameters` listing what is wrong. */
export function parseSendInput(input: unknown, provider: string): ParsedSendInput {
  const result = sendInputSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConnectorError(
    'invalid_request_parameters',
    `Invalid sendMessage input: ${formatIssues(result.error).join('; ')}`,
    {
      provider,
      hint: 'Pass { to: string, type: a usage type, payload: object }; code and link are strings.',
    },
  );
}

function badOption(provider: string, method: string, problem: string): ConnectorError {
  return new ConnectorError(
    'invalid_request_parameters',
    `Invalid ${method} options: ${problem}.`,
    {
      provider,
      hint: `Pass ${method === 'check' ? '{ signal? }' : '{ signal?, idempotencyKey? }'} or nothing; signal must be an AbortSignal.`,
    },
  );
}

/**
 * The options of `sendMessage`, `testSend` or `check`, checked at the boundary: absent is `{}`;
 * anything but an object, or a `signal` that is not an AbortSignal, is
 * `invalid_request_parameters` naming the option (never a TypeError deep in the pipeline, nor a
 * "provider failure").
 */
export function parseOptions<Options extends SendOptions | CheckOptions>(
  options: unknown,
  provider: string,
  method: 'sendMessage' | 'testSend' | 'check',
): Options {
  if (options === undefined) return {} as Options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return throwing(
      badOption(provider, method, `options must be an object, not ${describe(options)}`),
    );
  }
  const { signal } = options as { signal?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    return throwing(
      badOption(provider, method, `options.signal must be an AbortSignal, not ${describe(signal)}`),
    );
  }
  return options as Options;
}

function throwing(error: ConnectorError): never {
  throw error;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'a plain object' : typeof value;
}
