/** One pending fault and how many more requests it hits. */
interface Pending<Fault> {
  fault: Fault;
  remaining: number;
}

/** Faults waiting for the next requests, oldest first (what a mock's `inject` feeds). */
export interface FaultQueue<Fault> {
  /** The next `times` requests (default 1) take this fault, after those queued before it. */
  push(fault: Fault, times?: number): void;
  /** The fault for the request arriving now, if any; consumes one use of it. */
  take(): Fault | undefined;
  /** Faults still pending, for display. */
  pending(): { fault: Fault; remaining: number }[];
  clear(): void;
}

export function createFaultQueue<Fault>(): FaultQueue<Fault> {
  const queue: Pending<Fault>[] = [];
  return {
    push(fault, times = 1) {
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`times must be a positive integer, got ${String(times)}.`);
      }
      queue.push({ fault, remaining: times });
    },
    take() {
      const head = queue[0];
      if (!head) return undefined;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      return head.fault;
    },
    pending: () => queue.map((entry) => ({ ...entry })),
    clear() {
      queue.length = 0;
    },
  };
}
