import { z } from 'zod';
import {
  describeIssues,
  faultLatencySchema,
  faultSchema,
  MAX_FAULT_OPERATIONS,
  MAX_RANDOM_FAULTS,
  operationName,
} from '../engine/fault-spec.js';
import type { Fault } from '../types.js';

const nextSchema = z.strictObject({
  fault: faultSchema,
  /** A count, or `"always"` for a standing fault (until `DELETE /_mock/faults`). */
  times: z
    .union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.literal('always')])
    .optional(),
  operation: z
    .union([operationName, z.array(operationName).min(1).max(MAX_FAULT_OPERATIONS)])
    .optional(),
});

const latencySchema = z.strictObject({ latency: faultLatencySchema });

const randomSchema = z.strictObject({
  random: z.strictObject({
    rate: z.number().min(0).max(1),
    faults: z.array(faultSchema).min(1).max(MAX_RANDOM_FAULTS),
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
  return describeIssues(error, '');
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
