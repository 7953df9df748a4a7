// A fixed one-minute window per token: the first request opens a window of 60 s; up to N
// requests pass in it; the rest get 429 with Retry-After = seconds until the window closes.
// Groove documents no limit (reference/groove-api.md §9); ~30/min is what peers assume.

const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds since the epoch when the window closes. */
  resetAt: number;
  /** Seconds to wait, at least 1. */
  retryAfter: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private limit: number,
    private readonly clock: () => number,
  ) {}

  get perMinute(): number {
    return this.limit;
  }

  setLimit(perMinute: number): void {
    this.limit = perMinute;
    this.windows.clear();
  }

  /** undefined when there is no limit. */
  check(token: string): RateDecision | undefined {
    if (this.limit <= 0) return undefined;
    const now = this.clock();

    let window = this.windows.get(token);
    if (window === undefined || now >= window.start + WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(token, window);
    }
    window.count++;

    const closesAt = window.start + WINDOW_MS;
    return {
      allowed: window.count <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetAt: Math.ceil(closesAt / 1000),
      retryAfter: Math.max(1, Math.ceil((closesAt - now) / 1000)),
    };
  }
}
