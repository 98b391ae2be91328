import { createHook } from 'node:async_hooks';

/** How many of each kind of active resource (`Timeout`, `TCPSocketWrap`, ...) are alive now. */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** Resource kinds with more alive now than in `before`, as `Timeout +1`. */
export function grownResources(before: Map<string, number>, now = activeResources()): string[] {
  const grown: string[] = [];
  for (const [kind, count] of now) {
    const extra = count - (before.get(kind) ?? 0);
    if (extra > 0) grown.push(`${kind} +${extra}`);
  }
  return grown;
}

interface TimerLike {
  _repeat?: number | null;
  _destroyed?: boolean;
}

export interface IntervalWatch {
  /** Intervals created while watching that were never cleared. */
  live(): number;
  stop(): void;
}

/** Records the intervals created from now on (unref'd ones too, which the list above misses). */
export function watchIntervals(): IntervalWatch {
  const timers = new Set<TimerLike>();
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type === 'Timeout') timers.add(resource as TimerLike);
    },
  });
  hook.enable();
  return {
    live: () =>
      [...timers].filter((timer) => timer._repeat != null && timer._destroyed !== true).length,
    stop: () => hook.disable(),
  };
}
