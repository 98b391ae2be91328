import { z } from 'zod';
import { type Fault, type FaultKind, sesExceptionNames } from '../types.js';

export const faultKinds = [
  ...sesExceptionNames,
  'internal_error',
  'service_unavailable',
  'network_error',
  'latency',
] as const satisfies readonly FaultKind[];

const latencyMs = z.number().int().min(0).max(600_000);

const faultKindSchema = z.enum(faultKinds, {
  error: (issue) =>
    `unknown fault ${JSON.stringify(issue.input)}; expected one of ${faultKinds.join(', ')}, or { "kind": "custom", "status": 500 }`,
});

const builtinFaultSchema = z.strictObject({
  kind: faultKindSchema,
  message: z.string().optional(),
  latencyMs: latencyMs.optional(),
});

const customFaultSchema = z.strictObject({
  kind: z.literal('custom'),
  status: z.number().int().min(400).max(599),
  type: z.string().min(1).optional(),
  message: z.string().optional(),
  latencyMs: latencyMs.optional(),
});

/** Picks the schema by shape first, so an error names the field that is wrong, not "invalid union". */
const faultSchema = z.unknown().transform((value, ctx): Fault => {
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

const nextSchema = z.strictObject({
  fault: faultSchema,
  /** A count, or `"always"` for a standing fault (until `DELETE /_mock/faults`). */
  times: z.union([z.number().int().positive(), z.literal('always')]).optional(),
  operation: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
});

const latencySchema = z.strictObject({ latency: latencyMs });

const randomSchema = z.strictObject({
  random: z.strictObject({
    rate: z.number().min(0).max(1),
    faults: z.array(faultSchema).min(1),
    seed: z.number().int().optional(),
  }),
});

export type FaultRequest =
  | { type: 'next'; fault: Fault; times: number | 'always'; operation?: string | string[] }
  | { type: 'latency'; ms: number }
  | { type: 'random'; rate: number; faults: Fault[]; seed?: number };

export const faultRequestUsage =
  'Send { "fault": "<kind>", "times"?: n | "always", "operation"?: "SendEmail" | [...] }, { "latency": ms } or { "random": { "rate": 0..1, "faults": [...], "seed"?: n } }.';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

function describe(error: z.ZodError) {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

export function parseFaultRequest(body: unknown): ParseResult<FaultRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: `Expected a JSON object. ${faultRequestUsage}` };
  }
  if ('latency' in body) {
    const result = latencySchema.safeParse(body);
    return result.success
      ? { ok: true, value: { type: 'latency', ms: result.data.latency } }
      : { ok: false, message: `${describe(result.error)}. ${faultRequestUsage}` };
  }
  if ('random' in body) {
    const result = randomSchema.safeParse(body);
    if (!result.success)
      return { ok: false, message: `${describe(result.error)}. ${faultRequestUsage}` };
    const { rate, faults, seed } = result.data.random;
    return {
      ok: true,
      value: { type: 'random', rate, faults, ...(seed === undefined ? {} : { seed }) },
    };
  }
  if ('fault' in body) {
    const result = nextSchema.safeParse(body);
    if (!result.success)
      return { ok: false, message: `${describe(result.error)}. ${faultRequestUsage}` };
    const { fault, times = 1, operation } = result.data;
    return {
      ok: true,
      value: { type: 'next', fault, times, ...(operation === undefined ? {} : { operation }) },
    };
  }
  return { ok: false, message: `Missing "fault", "latency" or "random". ${faultRequestUsage}` };
}
