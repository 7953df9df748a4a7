import type { Failure } from './failure';
import { waitAskedMs } from './rate-limit-headers';
import type { HttpMethod } from './types';

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
const RETRIED_STATUSES = new Set([500, 502, 503, 504]);

/**
 * GET and PUT leave Groove in the same state however often they run. POST creates (a ticket, a
 * message: an email to a customer) and DELETE is treated the same way, conservatively. A caller
 * overrides this per request (GrooveRequest.repeatable) for a PUT that is not, like a rename.
 */
export function isSafeToRepeat(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT';
}

/** Whether Groove may have acted on a request that failed this way. */
export function mayHaveActed(failure: Failure): boolean {
  switch (failure.kind) {
    case 'status':
      return failure.status < 400 || failure.status >= 500;
    case 'malformed':
    case 'timeout':
      return true;
    case 'network':
      return failure.sent;
    case 'cancelled':
      return failure.inFlight;
    case 'paced_too_long':
      return false;
  }
}

/** The retry rule, as an ordered list of early returns. */
export function shouldRetry(repeatable: boolean, failure: Failure): boolean {
  // The caller asked to stop.
  if (failure.kind === 'cancelled') return false;

  // Waiting that long is what the cap forbids.
  if (failure.kind === 'paced_too_long') return false;

  // Groove refused to handle it yet: it did nothing, so any method may go again.
  if (failure.kind === 'status' && failure.status === 429) return true;

  // The connection never opened, so the request cannot have reached Groove. Other "never
  // connected" codes (DNS) point at a wrong base URL, which no retry fixes.
  if (failure.kind === 'network' && failure.code === 'ECONNREFUSED') return true;

  // From here on Groove may have acted: only a request safe to repeat goes again.
  if (!repeatable) return false;

  if (failure.kind === 'status') return RETRIED_STATUSES.has(failure.status);
  if (failure.kind === 'network') return failure.code !== 'ENOTFOUND';
  return failure.kind === 'timeout' || failure.kind === 'malformed';
}

/**
 * How long to wait before retry number `retry` (1-based): the wait Groove asked for when it
 * said (Retry-After, or an exhausted X-RateLimit budget), else exponential backoff with "equal
 * jitter" (half fixed, half random) so that many workers do not retry in lockstep.
 */
export function retryDelayMs(
  failure: Failure,
  retry: number,
  now: number,
  random: () => number,
): number {
  if (failure.kind === 'status') {
    const asked = waitAskedMs(failure.headers, now);
    if (asked !== undefined) return asked;
  }

  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
