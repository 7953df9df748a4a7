/** Response headers, names lower-cased, as the client hands them around. */
export type ResponseHeaders = Readonly<Record<string, string>>;

// Epoch seconds are ~1.7e9; a reset value below this is a count of seconds from now.
const EPOCH_SECONDS_THRESHOLD = 1e9;

/**
 * How long Groove asked us to wait, from `Retry-After` (seconds or an HTTP date), else from
 * `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset`. Groove documents neither; both are read
 * when present (reference/groove-api.md §9).
 */
export function waitAskedMs(headers: ResponseHeaders, now: number): number | undefined {
  const retryAfter = retryAfterMs(headers['retry-after'], now);
  if (retryAfter !== undefined) return retryAfter;

  const budget = rateLimitBudget(headers, now);
  if (budget !== undefined && budget.remaining <= 0) return Math.max(0, budget.resetAt - now);
  return undefined;
}

export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();

  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);

  // An HTTP date names its day and month; Date.parse alone would take "-5" for a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** What `X-RateLimit-Remaining` / `X-RateLimit-Reset` say is left, when both are present. */
export function rateLimitBudget(
  headers: ResponseHeaders,
  now: number,
): { remaining: number; resetAt: number } | undefined {
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (
    headers['x-ratelimit-remaining'] === undefined ||
    headers['x-ratelimit-reset'] === undefined
  ) {
    return undefined;
  }
  if (!Number.isFinite(remaining) || !Number.isFinite(reset) || reset < 0) return undefined;

  const resetAt = reset >= EPOCH_SECONDS_THRESHOLD ? reset * 1000 : now + reset * 1000;
  return { remaining, resetAt };
}
