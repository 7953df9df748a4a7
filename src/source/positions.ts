import type { InnerPosition, ScanPosition } from './state/state';

export type Order = (a: ScanPosition, b: ScanPosition) => number;

/** A page and an offset in a child list (a ticket's messages, a message's attachments). */
export interface Step {
  page: number;
  offset: number;
}

/**
 * Orders positions by list (in scan order), then page, then offset, then inside the item: an
 * item not begun comes before every place inside it, so a scan's checkpoints only grow.
 */
export function positionOrder(parts: readonly string[]): Order {
  return (a, b) =>
    parts.indexOf(a.part) - parts.indexOf(b.part) ||
    a.page - b.page ||
    a.offset - b.offset ||
    innerOrder(a.inner, b.inner);
}

function innerOrder(a: InnerPosition | undefined, b: InnerPosition | undefined): number {
  if (a === undefined || b === undefined)
    return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  return a.page - b.page || a.offset - b.offset || innerOrder(a.inner, b.inner);
}

/** The position of the child at `step` inside what sits at `position`. */
export function within(position: ScanPosition, step: Step): ScanPosition {
  return { ...position, inner: appended(position.inner, step) };
}

function appended(inner: InnerPosition | undefined, step: Step): InnerPosition {
  const last = { page: step.page, offset: step.offset };
  return inner === undefined ? last : { ...inner, inner: appended(inner.inner, step) };
}

/**
 * Where inside what sits at `at` the position `from` lies, or undefined when it does not lie
 * strictly inside it (it is elsewhere, or at `at` itself: not begun).
 */
export function pointInside(
  from: ScanPosition | undefined,
  at: ScanPosition,
): InnerPosition | undefined {
  if (from === undefined || from.part !== at.part) return undefined;
  let mine: InnerPosition | undefined = from;
  let theirs: InnerPosition | undefined = at;
  while (theirs !== undefined) {
    if (mine === undefined || mine.page !== theirs.page || mine.offset !== theirs.offset) {
      return undefined;
    }
    mine = mine.inner;
    theirs = theirs.inner;
  }
  return mine;
}
