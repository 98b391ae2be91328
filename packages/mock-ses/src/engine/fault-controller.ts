import type { Fault, FaultController, FaultKind, FaultRequestInfo } from '../types.js';
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
    next(fault, options = {}) {
      const times = options.times ?? 1;
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`faults.next: times must be a positive integer, got ${times}`);
      }
      const operations = options.operation === undefined ? undefined : [options.operation].flat();
      queue.push({ fault, remaining: times, ...(operations ? { operations } : {}) });
    },
    when(predicate, fault) {
      const rule = { predicate, fault };
      rules.push(rule);
      return () => {
        rules = rules.filter((r) => r !== rule);
      };
    },
    random(options) {
      if (!(options.rate >= 0 && options.rate <= 1)) {
        throw new RangeError(`faults.random: rate must be within 0..1, got ${options.rate}`);
      }
      if (options.faults.length === 0) throw new RangeError('faults.random: faults is empty');
      random = {
        rate: options.rate,
        faults: [...options.faults],
        next: mulberry32(options.seed ?? defaultSeed),
      };
    },
    latency(ms) {
      if (!(ms >= 0)) throw new RangeError(`faults.latency: ms must be >= 0, got ${ms}`);
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
