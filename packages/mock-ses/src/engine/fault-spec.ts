import { z } from 'zod';
import { MockSesInputError } from '../mock-ses-input-error.js';
import { type Fault, type FaultKind, sesExceptionNames } from '../types.js';

export const faultKinds = [
  ...sesExceptionNames,
  'internal_error',
  'service_unavailable',
  'network_error',
  'latency',
] as const satisfies readonly FaultKind[];

/** Ten minutes: longer than any SDK timeout a test would wait out. */
export const MAX_FAULT_LATENCY_MS = 600_000;
/** A fault message is a test's own text; the cap keeps an answer (and the request log) small. */
export const MAX_FAULT_MESSAGE_LENGTH = 8192;

/**
 * What `x-amzn-ErrorType` and `__type` may carry: an exception name such as `TeapotException`
 * (or `aws.protocols#Name`). Only header token characters, so writing the header cannot fail.
 */
const ERROR_TYPE = /^[A-Za-z][A-Za-z0-9_.#-]{0,127}$/;

/** Caps that keep one control request's work bounded. */
export const MAX_FAULT_OPERATIONS = 64;
export const MAX_RANDOM_FAULTS = 100;

export const operationName = z
  .string()
  .regex(/^[A-Za-z]{1,64}$/, 'an operation is an SES operation name such as SendEmail');

export const faultLatencySchema = z.number().int().min(0).max(MAX_FAULT_LATENCY_MS);

const faultKindSchema = z.enum(faultKinds, {
  error: (issue) =>
    `unknown fault ${JSON.stringify(issue.input)}; expected one of ${faultKinds.join(', ')}, or { "kind": "custom", "status": 500 }`,
});

const messageSchema = z.string().max(MAX_FAULT_MESSAGE_LENGTH);

const builtinFaultSchema = z.strictObject({
  kind: faultKindSchema,
  message: messageSchema.optional(),
  latencyMs: faultLatencySchema.optional(),
});

const customFaultSchema = z.strictObject({
  kind: z.literal('custom'),
  // 4xx and 5xx only: an "error" answered 2xx/3xx would not be one, and 1xx cannot be written.
  status: z
    .number({ error: 'status must be a number from 400 to 599' })
    .int('status must be an integer from 400 to 599')
    .min(400, 'status must be from 400 to 599')
    .max(599, 'status must be from 400 to 599'),
  type: z
    .string()
    .regex(
      ERROR_TYPE,
      'type must be an exception name such as TeapotException (ASCII letters, digits, _ . # -, at most 128 characters)',
    )
    .optional(),
  message: messageSchema.optional(),
  latencyMs: faultLatencySchema.optional(),
});

/** Picks the schema by shape first, so an error names the field that is wrong, not "invalid union". */
export const faultSchema = z.unknown().transform((value, ctx): Fault => {
  const schema =
    typeof value === 'string'
      ? faultKindSchema
      : typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'custom'
        ? customFaultSchema
        : builtinFaultSchema;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
  return z.NEVER;
});

/** `fault.status: ...; fault.type: ...`, naming each wrong field from `root`. */
export function describeIssues(error: z.ZodError, root: string): string {
  return error.issues
    .map((issue) => {
      const field = [root, ...issue.path.map(String)].filter(Boolean).join('.') || 'body';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** The fault as given, checked; throws MockSesInputError naming the wrong field. */
export function assertFault(value: unknown, where: string): Fault {
  const result = faultSchema.safeParse(value);
  if (result.success) return result.data;
  throw new MockSesInputError(
    'invalid_fault',
    `${where}: ${describeIssues(result.error, 'fault')}`,
  );
}

const nextOptionsSchema = z.strictObject({
  times: z
    .custom<number>((v) => Number.isSafeInteger(v) && (v as number) >= 1, {
      error: (issue) => `times must be a positive integer, got ${String(issue.input)}`,
    })
    .optional(),
  operation: z
    .union([operationName, z.array(operationName).min(1).max(MAX_FAULT_OPERATIONS)])
    .optional(),
});

/** `faults.next` options, checked; throws MockSesInputError naming the wrong field. */
export function assertNextOptions(value: unknown): {
  times?: number | undefined;
  operation?: string | string[] | undefined;
} {
  if (value === undefined) return {};
  const result = nextOptionsSchema.safeParse(value);
  if (result.success) return result.data;
  throw new MockSesInputError(
    'invalid_fault',
    `faults.next: ${describeIssues(result.error, 'options')}`,
  );
}
