import type { SourceMessage } from './messages';
import { paginate } from './paginate';
import { throwIfCancelled, type ReadContext } from './read-context';
import type { ItemPlace, Scan } from './scan';
import type { ScanCursor } from './scan-cursor';
import { cutFrom, pointInside, type Order } from './positions';
import type { ScanPosition } from './state/state';
import type { ScanTarget } from './streams/types';

/** Most pages the catch-up pass reads: 1,000 tickets changed while one scan ran. */
export const CATCH_UP_MAX_PAGES = 20;

/** How the catch-up pass tells the items of a list apart and dates them. */
export interface CatchUpSpec {
  /** The item's number (a ticket number), or undefined when it has none. */
  numberOf(item: Record<string, unknown>): number | undefined;
  timeOf(item: Record<string, unknown>): number | undefined;
  /** Whether this read's main pass met the item with that number. */
  met(number: number): boolean;
}

export interface CatchUpPass {
  scan: Scan;
  spec: CatchUpSpec;
  target: ScanTarget;
  /** Where the main pass ended: the position every checkpoint of this pass names. */
  end: ScanPosition;
  checkpoint(next: ScanPosition): SourceMessage;
  order: Order;
  /** Where a stopped pass left off: the end position, or a place inside the first ticket left. */
  resumeFrom: ScanPosition | undefined;
}

interface FrontItem {
  item: Record<string, unknown>;
  number: number;
  position: ScanPosition;
}

/**
 * Groove lists tickets newest activity first (reference/groove-api.md §6, §13.13): a ticket
 * updated while a scan pages through moves from a page not yet read to the front, one already
 * read, and the tickets behind it shift by one, so the scan meets one of them twice. Such a scan
 * reads the list again from page 1, after its last page, and handles the tickets it never met.
 * It stops at the first page holding a ticket older than the scan's start: every ticket changed
 * during the scan is in front of it. That is (tickets changed during the scan) / 50 + 1 pages,
 * CATCH_UP_MAX_PAGES at most. A scan that met no ticket twice spends no request here.
 */
export async function* catchUpPass(
  context: ReadContext,
  pass: CatchUpPass,
): AsyncGenerator<SourceMessage> {
  const { scan, spec } = pass;
  const finished = scan.cursors.every((cursor) => cursor.catchUp?.length === 0);
  if (finished) return;
  const front = yield* readFront(context, pass);

  for (const cursor of scan.cursors) {
    const resumed = cursor.catchUp;
    const numbers = front.map((entry) => entry.number);
    cursor.startCatchUp(
      resumed === undefined
        ? numbers.filter((number) => !spec.met(number))
        : resumed.filter((number) => numbers.includes(number)),
    );
  }
  const wanted = (entry: FrontItem) =>
    scan.cursors.some((cursor) => cursor.catchUp?.includes(entry.number) === true);
  const unmet = front.filter(wanted);
  if (unmet.length === 0) return;

  // Names the tickets to handle, so a pass stopped and resumed handles each of them once.
  yield pass.checkpoint(pass.end);
  for (const [index, entry] of unmet.entries()) {
    throwIfCancelled(context);
    // Children sit inside the end position: checkpoints name it, plus the place in the ticket,
    // which names the ticket (a state saved before it did: the first ticket left).
    const inside = pointInside(pass.resumeFrom, pass.end);
    const resuming =
      inside !== undefined &&
      (inside.number === undefined ? index === 0 : inside.number === entry.number);
    const listed = (cursor: ScanCursor) => cursor.catchUp?.includes(entry.number) === true;
    const from = (cursor: ScanCursor) => (resuming ? cursor.resumeFrom : undefined);
    const place: ItemPlace = {
      position: pass.end,
      target: pass.target,
      isNew: (cursor, at, owner) => {
        const start = from(cursor);
        const cut = start === undefined ? undefined : cutFrom(start, at, owner);
        return listed(cursor) && (cut === undefined || pass.order(at, cut) >= 0);
      },
      resumesInside: (cursor, at, owner) =>
        listed(cursor) && pointInside(from(cursor), at, owner) !== undefined,
      resumePoint: (at, owner) => (resuming ? pointInside(pass.resumeFrom, at, owner) : undefined),
      finishedHere: undefined,
      finishing: false,
      checkpoint: pass.checkpoint,
      noteRepeat: () => undefined,
      catchingUp: true,
    };
    yield* scan.handle(entry.item, place);

    for (const cursor of scan.cursors) cursor.catchUpHandled(entry.number);
    yield pass.checkpoint(pass.end);
  }
}

/** The tickets at the front of the list changed since the scan began, each once. */
async function* readFront(
  context: ReadContext,
  pass: CatchUpPass,
): AsyncGenerator<SourceMessage, FrontItem[]> {
  const starts = pass.scan.cursors.flatMap((cursor) =>
    cursor.scanStart === undefined ? [] : [cursor.scanStart],
  );
  // Without any time to compare with, only the first page is read.
  const since = starts.length === 0 ? undefined : Math.min(...starts);
  const maxPages = Math.min(CATCH_UP_MAX_PAGES, pass.end.page);
  const front: FrontItem[] = [];

  for await (const page of paginate(context, pass.target, 1)) {
    let older = false;
    page.items.forEach((item, offset) => {
      const number = pass.spec.numberOf(item);
      const time = pass.spec.timeOf(item);
      if (since !== undefined && time !== undefined && time < since) older = true;
      else if (number !== undefined && !front.some((entry) => entry.number === number)) {
        front.push({
          item,
          number,
          position: { part: pass.target.part, page: page.number, offset },
        });
      }
    });
    if (older || since === undefined || page.last) break;
    if (page.number >= maxPages) {
      const message = `Stopped catching up with tickets that moved during the read after ${maxPages} pages; the next read emits the rest.`;
      yield { type: 'LOG', level: 'warn', message };
      break;
    }
  }
  return front;
}
