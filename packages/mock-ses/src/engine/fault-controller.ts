import { MockSesInputError } from '../mock-ses-input-error.js';
import type { Fault, FaultController, FaultKind, FaultRequestInfo } from '../types.js';
import {
  assertFault,
  assertNextOptions,
  MAX_FAULT_LATENCY_MS,
  MAX_RANDOM_FAULTS,
} from './fault-spec.js';
import { mulberry32 } from './prng.js';

/** A fault in one shape: `{ kind }` with the optional bits, or a custom error. */
export type NormalizedFault =
  | { kind: FaultKind; message?: string; latencyMs?: number }
  | { kind: 'custom'; status: number; type?: string; message?: string; latencyMs?: number };

export function normalizeFault(fault: Fault): NormalizedFault {
  return typeof fault === 'string' ? { kind: fault } : fault;
}

/** A short label for the request log, e.g. `MessageRejected`, `latency(200ms)`, `custom(418)`. */
export function describeFault(fault: NormalizedFault): string {
  const base =
    fault.kind === 'custom'
      ? `custom(${fault.status}${fault.type ? ` ${fault.type}` : ''})`
      : fault.kind;
  if (fault.kind === 'latency') return `latency(${fault.latencyMs ?? 0}ms)`;
  return fault.latencyMs ? `${base}+latency(${fault.latencyMs}ms)` : base;
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
  operations?: string[];
}

interface Rule {
  predicate: (request: FaultRequestInfo) => boolean;
  fault: Fault;
}

export interface EngineFaultController extends FaultController {
  /** The fault for this request, if any, consuming one use of a `next` fault. */
  take(request: FaultRequestInfo): NormalizedFault | undefined;
  /** Delay applied to every SES request, on top of any fault. */
  readonly latencyMs: number;
}

export function createFaultController(defaultSeed = 1): EngineFaultController {
  let queue: QueuedFault[] = [];
  let rules: Rule[] = [];
  let random: { rate: number; faults: Fault[]; next: () => number } | undefined;
  let latencyMs = 0;

  return {
    next(fault, options) {
      // Checked here, at the test's own call: a bad fault must never reach the request path.
      const checked = assertFault(fault, 'faults.next');
      const { times = 1, operation } = assertNextOptions(options);
      const operations = operation === undefined ? undefined : [operation].flat();
      queue.push({ fault: checked, remaining: times, ...(operations ? { operations } : {}) });
    },
    when(predicate, fault) {
      if (typeof predicate !== 'function') {
        throw new MockSesInputError(
          'invalid_fault',
          'faults.when: the first argument must be a function (request) => boolean',
        );
      }
      const rule = { predicate, fault: assertFault(fault, 'faults.when') };
      rules.push(rule);
      return () => {
        rules = rules.filter((r) => r !== rule);
      };
    },
    random(options) {
      const rate = options?.rate;
      if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) {
        throw new MockSesInputError(
          'invalid_fault',
          `faults.random: rate must be within 0..1, got ${String(rate)}`,
        );
      }
      if (!Array.isArray(options.faults) || options.faults.length === 0) {
        throw new MockSesInputError('invalid_fault', 'faults.random: faults is empty');
      }
      if (options.faults.length > MAX_RANDOM_FAULTS) {
        throw new MockSesInputError(
          'invalid_fault',
          `faults.random: at most ${MAX_RANDOM_FAULTS} faults, got ${options.faults.length}`,
        );
      }
      const seed = options.seed ?? defaultSeed;
      if (!Number.isSafeInteger(seed)) {
        throw new MockSesInputError(
          'invalid_fault',
          `faults.random: seed must be an integer, got ${String(seed)}`,
        );
      }
      random = {
        rate,
        faults: options.faults.map((f, i) => assertFault(f, `faults.random: faults[${i}]`)),
        next: mulberry32(seed),
      };
    },
    latency(ms) {
      if (!(typeof ms === 'number' && ms >= 0 && ms <= MAX_FAULT_LATENCY_MS)) {
        throw new MockSesInputError(
          'invalid_fault',
          `faults.latency: ms must be >= 0 and at most ${MAX_FAULT_LATENCY_MS}, got ${String(ms)}`,
        );
      }
      latencyMs = ms;
    },
    get latencyMs() {
      return latencyMs;
    },
    clear() {
      queue = [];
      rules = [];
      random = undefined;
      latencyMs = 0;
    },
    pending() {
      return [
        ...queue.map((q) => ({
          fault: q.fault,
          remaining: q.remaining as number | 'always' | 'random',
        })),
        ...rules.map((r) => ({ fault: r.fault, remaining: 'always' as const })),
        ...(random ? random.faults.map((fault) => ({ fault, remaining: 'random' as const })) : []),
      ];
    },
    take(request) {
      const queued = queue.find((q) => !q.operations || q.operations.includes(request.operation));
      if (queued) {
        queued.remaining -= 1;
        if (queued.remaining <= 0) queue = queue.filter((q) => q !== queued);
        return normalizeFault(queued.fault);
      }
      for (const rule of rules) {
        let matches = false;
        // A throwing predicate is the test author's bug; treat it as "no match" so handle() stays total.
        try {
          matches = rule.predicate(request);
        } catch {}
        if (matches) return normalizeFault(rule.fault);
      }
      if (random) {
        const roll = random.next();
        const pick = random.next();
        if (roll < random.rate) {
          const fault = random.faults[Math.floor(pick * random.faults.length)] as Fault;
          return normalizeFault(fault);
        }
      }
      return undefined;
    },
  };
}
