import type { InnerPosition, Owner, ScanPosition } from './state/state';

export type Order = (a: ScanPosition, b: ScanPosition) => number;

/** A page and an offset in a child list (a ticket's messages, a message's attachments). */
export interface Step extends Owner {
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
  const last: InnerPosition = { ...ownerOf(step), page: step.page, offset: step.offset };
  return inner === undefined ? last : { ...inner, inner: appended(inner.inner, step) };
}

/** The ticket number or message id of a position, without the place. */
export function ownerOf(owner: Owner): Owner {
  const found: Owner = {};
  if (owner.number !== undefined) found.number = owner.number;
  if (owner.message_id !== undefined) found.message_id = owner.message_id;
  return found;
}

/**
 * Where inside what sits at `at` the position `from` lies, or undefined when it does not lie
 * strictly inside it (it is elsewhere, or at `at` itself: not begun). With `owner`, what sits
 * at `at` (the ticket or message there now), a place saved inside another item is not in it.
 */
export function pointInside(
  from: ScanPosition | undefined,
  at: ScanPosition,
  owner?: Owner,
): InnerPosition | undefined {
  if (from === undefined || from.part !== at.part) return undefined;
  let mine: InnerPosition | undefined = from;
  let theirs: InnerPosition | undefined = at;
  while (theirs !== undefined) {
    const elsewhere =
      mine === undefined || mine.page !== theirs.page || mine.offset !== theirs.offset;
    if (elsewhere || !sameOwner(mine?.inner, theirs.inner)) return undefined;
    mine = mine?.inner;
    theirs = theirs.inner;
  }
  return mine !== undefined && owner !== undefined && !sameOwner(mine, owner) ? undefined : mine;
}

/** Whether two places name the same item, when both say which. */
function sameOwner(mine: Owner | undefined, theirs: Owner | undefined): boolean {
  if (mine === undefined || theirs === undefined) return true;
  const differ = <T>(a: T | undefined, b: T | undefined) =>
    a !== undefined && b !== undefined && a !== b;
  return !differ(mine.number, theirs.number) && !differ(mine.message_id, theirs.message_id);
}

/**
 * `from` cut where it enters another item than the one at that place now (`at`, and `owner`
 * just inside it): a saved place inside ticket N says nothing of ticket M, which is not begun.
 */
export function cutFrom(from: ScanPosition, at: ScanPosition, owner?: Owner): ScanPosition {
  if (from.part !== at.part) return from;
  return cut(from, at, owner) as ScanPosition;
}

function cut(mine: InnerPosition, theirs: InnerPosition, owner?: Owner): InnerPosition {
  const { inner, ...place } = mine;
  if (inner === undefined || mine.page !== theirs.page || mine.offset !== theirs.offset) {
    return mine;
  }
  const next = theirs.inner ?? owner;
  if (next !== undefined && !sameOwner(inner, next)) return place;
  return theirs.inner === undefined ? mine : { ...place, inner: cut(inner, theirs.inner, owner) };
}
