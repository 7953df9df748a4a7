import type { Scan } from './scan';
import type { ScanPosition } from './state/state';
import type { ScanTarget } from './streams/types';

/**
 * A read stopped inside a ticket names it by number (`scan.inner.number`): Groove's list is
 * newest activity first and moves while a read is stopped, so by the time it resumes the slot
 * (page, offset) the ticket sat at may hold another (reference/groove-api.md §6, §13.13). The
 * resumed read finishes the saved ticket first, by its number, then pages on from its slot.
 */
export interface TicketToFinish {
  number: number;
  /** Where the ticket sat when the read stopped. */
  slot: ScanPosition;
  target: ScanTarget;
  /** What the handler is given: the ticket by number (its record was handled already). */
  item: Record<string, unknown>;
}

export function ticketToFinish(
  scan: Scan,
  start: ScanPosition | undefined,
): TicketToFinish | undefined {
  const number = start?.inner?.number;
  const slot = itemOf(start);
  const target = scan.targets.find((candidate) => candidate.part === slot?.part);
  if (scan.finishFirst === undefined || number === undefined) return undefined;
  if (slot === undefined || target === undefined) return undefined;
  return { number, slot, target, item: scan.finishFirst(number) };
}

/**
 * Where the slot's page goes on once the ticket with `number` was finished first. Still at its
 * slot: there, and the handler knows it. Elsewhere, the list moved, so the scan catches up with
 * tickets moved in front (catch-up.ts); a ticket unchanged since the scan began kept its place
 * among the unchanged tickets, which before it were handled and after it not: right after it.
 * Otherwise (it changed, or is not on this page) at the slot: what sits there may be handled
 * again, never lost.
 */
export function goOnAfter(
  scan: Scan,
  items: ReadonlyArray<Record<string, unknown>>,
  slot: ScanPosition,
  number: number,
): number {
  const spec = scan.catchUp;
  const index = items.findIndex((item) => spec?.numberOf(item) === number);
  if (spec === undefined || index === slot.offset) return slot.offset;

  const starts = scan.cursors.flatMap((cursor) => cursor.scanStart ?? []);
  const since = starts.length === 0 ? undefined : Math.min(...starts);
  const time = index < 0 ? undefined : spec.timeOf(items[index] as Record<string, unknown>);
  const kept = since !== undefined && time !== undefined && time < since;
  const offset = kept ? index + 1 : slot.offset;
  for (const cursor of scan.cursors) {
    cursor.noteDrift();
    cursor.goOnAt(slot, { ...slot, offset });
  }
  return offset;
}

/** The item a position names, without the place inside it. */
export function itemOf(position: ScanPosition | undefined): ScanPosition | undefined {
  if (position === undefined) return undefined;
  const { part, page, offset } = position;
  return { part, page, offset };
}
