import {
  maxCodeLength,
  maxLinkLength,
  maxPayloadDepth,
  maxPayloadTextLength,
  maxPayloadValues,
} from './input-limits.js';
import { lazySchema } from './lazy-schema.js';
import { localeTagSchema } from './locale-tag.js';

/**
 * Why a payload is too large to send, or undefined. One iterative walk (no recursion, so no
 * stack overflow on a deep payload) that stops at the first cap exceeded, so the work is bounded
 * by the caps, not by the payload: a cyclic payload, or a DAG that repeats one object
 * exponentially often, is refused after at most `maxPayloadValues` steps.
 */
export function payloadLimitProblem(payload: object): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: payload, depth: 0 }];
  let values = 0;
  let text = 0;
  try {
    while (stack.length > 0) {
      const { value, depth } = stack.pop()!;
      if (++values > maxPayloadValues) {
        return `it holds more than ${maxPayloadValues} values (nested and repeated ones included, or it is circular)`;
      }
      if (typeof value === 'string') {
        text += value.length;
      } else if (typeof value === 'object' && value !== null) {
        if (depth >= maxPayloadDepth) {
          return `it nests objects or arrays more than ${maxPayloadDepth} deep (or it is circular)`;
        }
        for (const key of Object.keys(value)) {
          text += key.length;
          stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
          if (stack.length > maxPayloadValues) {
            return `it holds more than ${maxPayloadValues} values (nested and repeated ones included)`;
          }
        }
      }
      if (text > maxPayloadTextLength) {
        return `its keys and strings hold more than ${maxPayloadTextLength} characters`;
      }
    }
  } catch {
    // A getter or proxy trap threw: the payload cannot be read as data.
    return 'reading it threw (a getter or proxy); pass plain data';
  }
  return undefined;
}

const payloadFieldsSchema = lazySchema((z) =>
  z.looseObject({
    code: z
      .string()
      .max(maxCodeLength, `code must be at most ${maxCodeLength} characters`)
      .optional(),
    link: z
      .string()
      .max(maxLinkLength, `link must be at most ${maxLinkLength} characters`)
      .optional(),
    locale: localeTagSchema({ allowUnderscore: true }).optional(),
  }),
);

/**
 * The `payload` of `sendMessage`: its size is checked first (so zod never copies an unbounded
 * object, and a throwing getter is an issue rather than an exception), then the known
 * variables are typed and capped.
 */
export const sendPayloadSchema = lazySchema((z) =>
  z.preprocess((payload, ctx) => {
    if (typeof payload !== 'object' || payload === null) return payload;
    const problem = payloadLimitProblem(payload);
    if (problem !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `the payload is too large or unreadable: ${problem}`,
      });
    }
    return payload;
  }, payloadFieldsSchema),
);
