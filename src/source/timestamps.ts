/**
 * Groove writes times two ways (reference/groove-api.md §5.9): ISO 8601 in REST answers
 * (`2012-07-17T13:41:01Z`) and `2017-12-14 20:09:19 +0530` or `2017-12-14 15:54:26 UTC` in
 * webhook-era payloads. Both are turned into instants here so watermarks compare moments, never
 * strings (`+0530` sorts after `Z` as text while being earlier in time).
 */
const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/;
const SPACED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}|UTC)$/;

/** Milliseconds since the epoch, or undefined when the value is not a Groove time. */
export function parseGrooveTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;

  const iso = ISO.exec(value);
  const spaced = iso ? undefined : SPACED.exec(value);
  const parts = iso ?? spaced;
  if (!parts) return undefined;

  const [, date, time, zone] = parts as unknown as [string, string, string, string];
  const ms = Date.parse(`${date}T${time}${normalizeZone(zone)}`);
  return Number.isNaN(ms) || !sameCalendarDate(date, ms, zone) ? undefined : ms;
}

function normalizeZone(zone: string): string {
  if (zone === 'Z' || zone === 'UTC') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Date.parse rolls 2026-02-31 over to March; a date that does not exist is not a time. */
function sameCalendarDate(date: string, ms: number, zone: string): boolean {
  const offsetMinutes = zone === 'Z' || zone === 'UTC' ? 0 : zoneMinutes(zone);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
  return local === date;
}

function zoneMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[^\d]/g, '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** A start date from the form: `YYYY-MM-DD` (midnight UTC) or an ISO 8601 time with a zone. */
export function parseStartDate(value: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseGrooveTime(`${value}T00:00:00Z`);
  const withSeconds = /T\d{2}:\d{2}(Z|[+-])/.test(value)
    ? value.replace(/(T\d{2}:\d{2})/, '$1:00')
    : value;
  return parseGrooveTime(withSeconds);
}

/** How state stores an instant: ISO 8601 UTC with milliseconds. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
