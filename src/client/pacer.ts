import type { Clock } from './clock';
import { rateLimitBudget, waitAskedMs, type ResponseHeaders } from './rate-limit-headers';

// After a 429 with no ceiling configured, requests still spread out by at least this much.
const MIN_SLOWED_INTERVAL_MS = 1_000;
// Each 429 doubles the spacing, up to this factor; each success eases it back by 20 %.
const MAX_SLOWDOWN = 8;
const RECOVERY_FACTOR = 0.8;
// A limit counted per minute from the first request's arrival is tripped by requests spaced
// exactly 60 s / R apart once network jitter delays the first; 2 % of spacing keeps clear of it.
const SPACING_MARGIN = 1.02;

/**
 * Keeps one client under Groove's rate limit, which is undocumented (reference/groove-api.md
 * §9, §13.1): requests start at most `requestsPerMinute` a minute, evenly spaced; a 429 slows
 * the pace and blocks until the wait Groove asked for; `X-RateLimit-*` headers, when present,
 * spread what is left of the budget until its reset.
 */
export class Pacer {
  private nextStartAt = 0;
  private blockedUntil = 0;
  private slowdown = 1;
  private budgetInterval = 0;

  constructor(
    private readonly requestsPerMinute: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves the next start slot and says how long to wait for it. Nothing is reserved when
   * the wait would be longer than `maxWaitMs`: the caller fails instead of sleeping that long.
   */
  reserve(maxWaitMs: number): { reserved: boolean; waitMs: number } {
    const now = this.clock.now();
    const startAt = Math.max(now, this.nextStartAt, this.blockedUntil);
    const waitMs = startAt - now;
    if (waitMs > maxWaitMs) return { reserved: false, waitMs };

    this.nextStartAt = startAt + this.interval();
    return { reserved: true, waitMs };
  }

  /** Learns from an answer: its status and rate-limit headers. */
  observe(status: number, headers: ResponseHeaders): void {
    const now = this.clock.now();

    if (status === 429) {
      // Groove's own wait says when the window reopens; slowing down on top of it only wastes
      // the next window. Without one, slow down until answers succeed again.
      const asked = waitAskedMs(headers, now);
      if (asked !== undefined) this.blockedUntil = Math.max(this.blockedUntil, now + asked);
      else this.slowdown = Math.min(this.slowdown * 2, MAX_SLOWDOWN);
    } else if (status < 400) {
      this.slowdown = Math.max(1, this.slowdown * RECOVERY_FACTOR);
    }

    const budget = rateLimitBudget(headers, now);
    if (budget === undefined) return;
    if (budget.remaining <= 0) {
      this.blockedUntil = Math.max(this.blockedUntil, budget.resetAt);
      this.budgetInterval = 0;
    } else {
      this.budgetInterval = Math.max(0, budget.resetAt - now) / budget.remaining;
    }
  }

  /** Spacing between request starts, in milliseconds. */
  interval(): number {
    const base =
      this.requestsPerMinute > 0 ? (60_000 / this.requestsPerMinute) * SPACING_MARGIN : 0;
    const slowed =
      this.slowdown > 1 ? Math.max(base, MIN_SLOWED_INTERVAL_MS) * this.slowdown : base;
    return Math.max(slowed, this.budgetInterval);
  }
}
