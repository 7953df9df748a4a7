import type { Clock } from '../../../src/client/clock';

/**
 * The client's clock for fault runs: real time plus every wait it was asked for, where the wait
 * itself returns at the next turn of the event loop. Backoff and Retry-After then cost no real
 * time, while request timeouts (axios, real time) still bound an answer that never comes.
 */
export function skippingClock(): Clock & { skippedMs(): number } {
  let skipped = 0;
  return {
    now: () => Date.now() + skipped,
    skippedMs: () => skipped,
    sleep: async (ms, signal) => {
      throwIfAborted(signal);
      skipped += Math.max(0, ms);
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfAborted(signal);
    },
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw signal.reason;
}
