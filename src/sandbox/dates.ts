// Dates are whole seconds. Groove REST answers use ISO-8601 UTC with no fraction
// (reference/groove-api.md §5.9), e.g. 2012-07-17T13:41:01Z.

/** Seeded tickets are created between these instants (seconds since the epoch). */
export const HISTORY_START = Date.UTC(2022, 0, 1) / 1000;
export const HISTORY_END = Date.UTC(2025, 10, 30) / 1000;

export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a sent_at value: RFC-822 is what Groove prefers (§4.1); ISO-8601 works too. */
export function parseSentAt(text: string): number | undefined {
  const millis = Date.parse(text);
  return Number.isFinite(millis) ? Math.floor(millis / 1000) : undefined;
}
