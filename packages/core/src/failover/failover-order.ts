/**
 * The order in which connectors are tried for one send. `priority` always starts at the first;
 * `round-robin` starts one further along for each send, wrapping, so load spreads evenly while
 * every send can still reach every connector.
 */
export function createFailoverOrder(count: number, strategy: 'priority' | 'round-robin') {
  let next = 0;
  return (): number[] => {
    const start = strategy === 'round-robin' ? next : 0;
    next = (next + 1) % count;
    return Array.from({ length: count }, (_, offset) => (start + offset) % count);
  };
}
