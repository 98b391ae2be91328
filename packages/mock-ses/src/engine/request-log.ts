import type { RequestLog, RequestLogEntry } from '../types.js';

/** Operations that are not SES's own (the mock's HTTP API, unknown routes). */
const NON_SES = new Set(['Unknown']);

export interface EngineRequestLog extends RequestLog {
  add(entry: RequestLogEntry): void;
}

export function createRequestLog(): EngineRequestLog {
  let entries: RequestLogEntry[] = [];
  return {
    add: (entry) => {
      entries.push(entry);
    },
    all: () => [...entries],
    operations: (name) =>
      entries.filter(
        (e) => !NON_SES.has(e.operation) && (name === undefined || e.operation === name),
      ),
    get size() {
      return entries.length;
    },
    clear: () => {
      entries = [];
    },
  };
}

/** What the SDKs send; anything else takes the general parse below. */
const SDK_FORM = /^attempt=(\d{1,9}); max=(\d{1,9})$/;

/** `amz-sdk-request: attempt=2; max=3`. */
export function parseSdkRequestHeader(value: string | null | undefined): {
  attempt?: number;
  max?: number;
} {
  if (!value) return {};
  const sdk = SDK_FORM.exec(value);
  if (sdk) return { attempt: Number(sdk[1]), max: Number(sdk[2]) };
  const result: { attempt?: number; max?: number } = {};
  for (const part of value.split(';')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    const n = Number(v);
    if (!Number.isInteger(n)) continue;
    if (k === 'attempt') result.attempt = n;
    if (k === 'max') result.max = n;
  }
  return result;
}
