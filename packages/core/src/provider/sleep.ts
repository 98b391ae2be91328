import { delay } from '../node-builtins.js';

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it fires (`node:timers/promises`:
 * the timer is cleared on abort, so an aborted wait holds nothing).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, signal);
}

/** Like `sleep`, but resolves `false` instead of rejecting when the signal fires first. */
export async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  try {
    await sleep(ms, signal);
    return true;
  } catch (error) {
    if (signal?.aborted) return false;
    throw error;
  }
}
