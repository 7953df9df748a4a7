import { NotFoundError, PermissionError } from '../errors';
import { catchUpPass, type CatchUpSpec } from './catch-up';
import { goOnAfter, itemOf, ticketToFinish } from './finish-first';
import type { SourceMessage } from './messages';
import { paginate } from './paginate';
import { throwIfCancelled, type ReadContext } from './read-context';
import type { ScanCursor } from './scan-cursor';
import { cutFrom, pointInside, positionOrder, type Order } from './positions';
import type { InnerPosition, Owner, ScanPosition } from './state/state';
import type { StateStore } from './state/state-store';
import type { ScanTarget } from './streams/types';

/**
 * Where an item sits, and which streams have not yet handled it in an earlier read. The item's
 * children (a ticket's messages, a message's attachments) sit inside it: `within(position, …)`.
 */
export interface ItemPlace {
  position: ScanPosition;
  target: ScanTarget;
  /**
   * Whether `cursor` still has to handle what sits at `at` (false: a stopped read already did).
   * `owner` (the message there) tells it from another item saved at the same place.
   */
  isNew(cursor: ScanCursor, at: ScanPosition, owner?: Owner): boolean;
  /** Whether `cursor` stopped inside what sits at `at`: it handled that, not all its children. */
  resumesInside(cursor: ScanCursor, at: ScanPosition, owner?: Owner): boolean;
  /** Where inside what sits at `at` this read resumes; undefined: at its first child. */
  resumePoint(at: ScanPosition, owner?: Owner): InnerPosition | undefined;
  /**
   * What sits here is where the item this read finished first (`Scan.finishFirst`) sat when the
   * read stopped: met here, that item is no repeat, as nothing moved.
   */
  finishedHere: number | undefined;
  /**
   * The item is finished out of list order (`Scan.finishFirst`): a checkpoint follows its last
   * child page too, as no checkpoint after its slot can say it is done.
   */
  finishing: boolean;
  /**
   * A checkpoint naming `next`, a place inside this item, as the next thing to read. Undefined
   * in the catch-up pass, which checkpoints after each ticket.
   */
  checkpoint(next: ScanPosition): SourceMessage | undefined;
  /** The item was met earlier in this read: items moved to pages already read. */
  noteRepeat(): void;
  /** Met again in the catch-up pass, which hands over only items to handle. */
  catchingUp: boolean;
}

/** Handles one item; resolves true when it sent requests of its own (children were read). */
export type ItemHandler = (
  item: Record<string, unknown>,
  place: ItemPlace,
) => AsyncGenerator<SourceMessage, boolean>;

export interface Scan {
  /** What is scanned (stream options); saved positions of another scope are not resumed. */
  scope: string;
  cursors: readonly ScanCursor[];
  targets: readonly ScanTarget[];
  handle: ItemHandler;
  /** For a list whose items move to its front while it is paged (tickets): see catch-up.ts. */
  catchUp?: CatchUpSpec;
  /**
   * The item a saved place inside it names by number (a ticket), to finish by that number
   * before paging: the list moves while a read is stopped, its place does not name it.
   */
  finishFirst?(number: number): Record<string, unknown>;
}

type Checkpoint = (next: ScanPosition) => SourceMessage;

/**
 * Pages through a scan's lists once for all its streams, checkpointing after every page, after
 * every item that cost requests of its own and, inside such an item, before its first child
 * request and after every child page (handlers/children.ts), then, if items moved to pages already read,
 * catches up with them, and moves the watermarks at the end.
 * Streams sharing a scan may have stopped at different places: it starts at the earliest and
 * lets each stream handle only the items past its own position.
 */
export async function* runScan(
  context: ReadContext,
  store: StateStore,
  scan: Scan,
): AsyncGenerator<SourceMessage> {
  const parts = scan.targets.map((target) => target.part);
  const order = positionOrder(parts);
  const pending: Pending = { records: false };
  for (const cursor of scan.cursors) {
    const from = cursor.resumeFrom;
    if (from !== undefined && !parts.includes(from.part)) cursor.restart();
  }

  for (const cursor of scan.cursors) {
    const watermark = cursor.watermarkAfter(Date.now());
    if (watermark === undefined) continue;
    const message = `The state's watermark for ${cursor.stream}, ${watermark}, is later than now: this read emits only what changes after it.`;
    yield { type: 'LOG', level: 'warn', message };
  }

  const checkpoint: Checkpoint = (next) => {
    pending.records = false;
    for (const cursor of scan.cursors) {
      store.set(cursor.stream, cursor.progress(scan.scope, next, order));
    }
    return { type: 'STATE', state: store.snapshot() };
  };

  // A stream stopped in the catch-up pass had finished paging; the others page first.
  const paging = scan.cursors.filter((cursor) => cursor.catchUp === undefined);
  const resumedCatchUp = scan.cursors.find((cursor) => cursor.catchUp !== undefined)?.resumeFrom;
  let end = itemOf(resumedCatchUp);
  if (paging.length > 0) {
    end = yield* pageThrough(context, scan, { paging, order, checkpoint, pending });
  }

  const moved = scan.cursors.some((cursor) => cursor.drifted || cursor.catchUp !== undefined);
  const target = scan.targets.find((candidate) => candidate.part === end?.part);
  if (scan.catchUp !== undefined && moved && end !== undefined && target !== undefined) {
    const resumeFrom = resumedCatchUp;
    const pass = { scan, spec: scan.catchUp, target, end, checkpoint, order, resumeFrom };
    yield* catchUpPass(context, pass);
  }

  for (const cursor of scan.cursors) store.set(cursor.stream, cursor.finish());
  yield { type: 'STATE', state: store.snapshot() };
}

/** Whether records were yielded since the last checkpoint. */
interface Pending {
  records: boolean;
}

interface Pass {
  paging: readonly ScanCursor[];
  order: Order;
  checkpoint: Checkpoint;
  pending: Pending;
}

/**
 * The main pass over every list of the scan; returns where the last list ended. It stops for
 * cancellation only where no record follows the last checkpoint, so a read stopped as soon as
 * it can be still has a checkpoint past every record it yielded: each resumed read gets further.
 */
async function* pageThrough(
  context: ReadContext,
  scan: Scan,
  pass: Pass,
): AsyncGenerator<SourceMessage, ScanPosition | undefined> {
  const { checkpoint, pending } = pass;
  let end: ScanPosition | undefined;

  const start = earliest(pass.paging, pass.order);
  const finished = yield* finishFirst(scan, pass, start);
  // Once that ticket is finished, nothing is resumed inside what sits at its slot.
  const resumed = finished === undefined ? start : itemOf(start);
  const startIndex = start === undefined ? 0 : scan.targets.findIndex((t) => t.part === start.part);
  for (let index = startIndex; index < scan.targets.length; index += 1) {
    const target = scan.targets[index] as ScanTarget;
    const resuming = start !== undefined && index === startIndex;
    const firstPage = resuming ? start.page : 1;

    try {
      for await (const page of paginate(context, target, firstPage)) {
        for (const cursor of scan.cursors) cursor.noteServedAt(page.servedAt);
        const onSlotPage = resuming && page.number === start.page;
        const skip = !onSlotPage
          ? 0
          : finished === undefined
            ? start.offset
            : goOnAfter(scan, page.items, itemOf(start) as ScanPosition, finished);

        for (let offset = skip; offset < page.items.length; offset += 1) {
          if (!pending.records) throwIfCancelled(context);
          const position = { part: target.part, page: page.number, offset };
          const atSlot =
            finished !== undefined && resumed !== undefined && pass.order(position, resumed) === 0;
          const place: ItemPlace = {
            ...mainPlace(scan, pass, resumed),
            position,
            target,
            finishedHere: atSlot ? finished : undefined,
            finishing: false,
          };
          const item = page.items[offset] as Record<string, unknown>;
          const spent = yield* noting(scan.handle(item, place), pending);
          if (spent) yield checkpoint({ ...position, offset: offset + 1 });
        }

        end = { part: target.part, page: page.number, offset: page.items.length };
        if (!page.last) yield checkpoint({ part: target.part, page: page.number + 1, offset: 0 });
      }
    } catch (error) {
      if (!target.skippable || !isChildRefusal(error)) throw error;
      yield context.failures.skip(target.subject, error);
    }

    const following = scan.targets[index + 1];
    if (following !== undefined) yield checkpoint({ part: following.part, page: 1, offset: 0 });
  }
  return end;
}

function mainPlace(
  scan: Scan,
  { order, checkpoint }: Pass,
  start: ScanPosition | undefined,
): Omit<ItemPlace, 'position' | 'target' | 'finishedHere' | 'finishing'> {
  return {
    isNew: (cursor, at, owner) => isNewFor(cursor, at, order, owner),
    resumesInside: (cursor, at, owner) =>
      cursor.catchUp === undefined && pointInside(cursor.resumeFrom, at, owner) !== undefined,
    resumePoint: (at, owner) => pointInside(start, at, owner),
    checkpoint,
    noteRepeat: () => {
      for (const cursor of scan.cursors) cursor.noteDrift();
    },
    catchingUp: false,
  };
}

/**
 * A read stopped inside a ticket finishes that ticket first, by its number, from the saved
 * place in its messages (see finish-first.ts). Returns that ticket's number.
 */
async function* finishFirst(
  scan: Scan,
  pass: Pass,
  start: ScanPosition | undefined,
): AsyncGenerator<SourceMessage, number | undefined> {
  const first = ticketToFinish(scan, start);
  if (first === undefined) return undefined;

  const { number, slot, target, item } = first;
  const place: ItemPlace = {
    ...mainPlace(scan, pass, start),
    position: slot,
    target,
    finishedHere: undefined,
    finishing: true,
  };
  yield* noting(scan.handle(item, place), pass.pending);
  for (const cursor of scan.cursors) cursor.leaveInside(slot, pass.order);
  return number;
}

/** Passes a handler's messages on, noting the records among them. */
async function* noting(
  messages: AsyncGenerator<SourceMessage, boolean>,
  pending: Pending,
): AsyncGenerator<SourceMessage, boolean> {
  try {
    for (;;) {
      const step = await messages.next();
      if (step.done === true) return step.value;
      if (step.value.type === 'RECORD') pending.records = true;
      yield step.value;
    }
  } finally {
    await messages.return(false);
  }
}

/** 404 or 403 on a child list (one ticket's messages): skip that list, not the read. */
export function isChildRefusal(error: unknown): error is NotFoundError | PermissionError {
  return error instanceof NotFoundError || error instanceof PermissionError;
}

function isNewFor(cursor: ScanCursor, position: ScanPosition, order: Order, owner?: Owner) {
  if (cursor.catchUp !== undefined) return false;
  const from = cursor.resumeFrom;
  return from === undefined || order(position, cutFrom(from, position, owner)) >= 0;
}

function earliest(cursors: readonly ScanCursor[], order: Order): ScanPosition | undefined {
  let first: ScanPosition | undefined;
  for (const cursor of cursors) {
    const from = cursor.resumeFrom;
    if (from === undefined) return undefined;
    if (first === undefined || order(from, first) < 0) first = from;
  }
  return first;
}
