import type { StreamName } from '../generated/source';
import { Boundary } from './boundary';
import type { BoundaryEntry, ScanPosition, ScanState, StreamState } from './state/state';
import { formatInstant, parseGrooveTime } from './timestamps';

export interface CursorOptions {
  /** Emit only what changed since the watermark (the stream supports it and the read asks). */
  incremental: boolean;
  /** Incremental reads skip records updated before this instant. */
  startDate: number | undefined;
}

/**
 * One stream's progress through a scan, and its incremental filter.
 *
 * News is a record whose time is at or after the watermark W and whose (key, time) is not in
 * the boundary list B, the records at or after W that were already emitted. Groove's times and
 * its Date header count whole seconds, so W's own second may hold records already emitted and
 * records changed after the scan passed them: B tells them apart, and each is emitted once.
 *
 * Why a resumed read emits every record a full read would, none twice (for data that does not
 * change while the read is stopped):
 * - W and B only move at a scan's end: W to the latest cursor value the whole scan saw, capped
 *   at Groove's clock when the scan began (the first page's Date header), and B to the records
 *   emitted, by this scan or earlier ones, at or after the new W. Every record before W was seen
 *   by a finished scan and emitted if new; one at or after W was emitted if and only if listed.
 * - The cap: a record changed while the scan ran may have moved to a page already read. It is
 *   at or after the cap and not in B, so the next read emits it instead of losing it.
 * - During a scan, checkpoints carry W and B unchanged plus the position of the next thing to
 *   read, the latest value seen, the scan's start and the records it handled at or after the
 *   lowest W it can end with. A position is an item of a list, or a place inside one (`inner`):
 *   ticket `number`, whose record was handled, its messages next from page p, offset o; inside
 *   that, message `message_id`, its attachments next from page a. Positions order item first,
 *   then inside it. Everything before that position was handled (emitted or rightly skipped)
 *   before the checkpoint was yielded; nothing after it was.
 * - A resumed read that stopped between items re-fetches the page of that position and skips
 *   the items before it. One that stopped inside ticket N first finishes N by its number
 *   (GET /tickets/N/messages from page p, skipping the o before), as Groove's list moves while
 *   a read is stopped and the slot (page, offset) may hold another ticket by then; finishing
 *   out of list order, it checkpoints past N's last message too. It then re-fetches the slot's
 *   page: N still at its slot is skipped (nothing moved: no request more than a read that did
 *   not stop). Elsewhere, the list moved and the scan notes it (catch-up below): an N unchanged
 *   since the scan began kept its place among the unchanged tickets, those before it handled
 *   and those after it not, so the scan goes on right after N; an N that changed, or is not on
 *   that page, leaves the scan at the slot, handling what sits there like any ticket (read
 *   again at worst, never lost). Inside N, a message at the saved place that is not
 *   `message_id` is handled like any other, and that message met later is read again with its
 *   attachments (repeats, no loss). A stream handles only what lies at or after its own
 *   position (ScanPosition order, cut where the place names another item), so N's record and
 *   its earlier child pages are not handled again. It keeps the same W, B, latest-seen and
 *   handled records: for data that did not change while it was stopped, it makes exactly the
 *   decisions the stopped read would have made for the rest of the scan, so the union of both
 *   reads is one full scan's output. A record handled once is never admitted again in the
 *   scan, wherever it moved.
 * - Progress: a checkpoint comes after every page, after every item that cost requests, before
 *   an item's first child request and after each child page, each strictly after the one
 *   before (or, once a ticket was finished first and the list had moved, inside the ticket now
 *   at its slot, which names that ticket). Cancellation is honoured only where no record follows the last checkpoint, so a
 *   read stopped as soon as it can still has a checkpoint past every record it yielded, and
 *   each resumed read gets further, whatever the number of records after which a host stops.
 *   Within a ticket, messages are de-duplicated by id from the resumed page on only: one that
 *   moved between the ticket's pages while the read was stopped may be emitted twice, never lost.
 * - The catch-up pass (catch-up.ts) runs after the last page when tickets moved during the scan.
 *   Its first checkpoint names the tickets it has to handle and each later one those left, so a
 *   pass stopped and resumed handles each of them once, and nothing the scan had met. Its
 *   checkpoints inside a ticket name the end position and the place in that ticket, found
 *   again by its number however the front of the list was reordered meanwhile.
 *   Not covered: a scan stopped in its main pass after tickets moved no longer knows, once
 *   resumed, which tickets its stopped part met; one of those that moved to the front again is
 *   read again by the catch-up pass, its older messages emitted twice (never lost). Nor a
 *   ticket not yet read that changed while the read was stopped when the ticket finished first
 *   still sits at its slot (another left the list before it): the pass is not run, and such a
 *   ticket is emitted by the next incremental read (its time is after the cap).
 */
export class ScanCursor {
  readonly stream: StreamName;
  private readonly options: CursorOptions;
  /** W and B as handed in, written back unchanged until the scan ends. */
  private readonly saved: { watermark?: string; boundary?: BoundaryEntry[] } = {};
  private readonly watermark: number | undefined;
  private readonly emitted: Boundary;
  private handled = new Boundary();
  private prunedAt = -Infinity;
  private from: ScanPosition | undefined;
  private maxSeen: number | undefined;
  private startedAt: number | undefined;
  private drift = false;
  private catchUpLeft: number[] | undefined;

  constructor(
    stream: StreamName,
    saved: StreamState | undefined,
    scope: string,
    options: CursorOptions,
  ) {
    this.stream = stream;
    this.options = options;
    if (saved?.watermark !== undefined) this.saved.watermark = saved.watermark;
    if (saved?.boundary !== undefined) this.saved.boundary = saved.boundary;
    const watermark = parseGrooveTime(saved?.watermark);
    // Version 1 kept no list: every record at W was emitted, as if W were a millisecond later.
    const legacy = watermark !== undefined && saved?.boundary === undefined;
    this.watermark = legacy ? watermark + 1 : watermark;
    this.emitted = Boundary.from(saved?.boundary);

    const scan = saved?.scan?.scope === scope ? saved.scan : undefined;
    if (scan !== undefined) {
      const { part, page, offset, inner } = scan;
      this.from = inner === undefined ? { part, page, offset } : { part, page, offset, inner };
      this.maxSeen = parseGrooveTime(scan.max_seen);
      this.startedAt = parseGrooveTime(scan.started_at);
      this.handled = Boundary.from(scan.boundary);
      this.drift = scan.drifted === true;
      this.catchUpLeft = scan.catch_up === undefined ? undefined : [...scan.catch_up];
    }
  }

  /** Where this stream resumes, or undefined to start at the beginning. */
  get resumeFrom(): ScanPosition | undefined {
    return this.from;
  }

  /** Whether this scan met an item twice: items moved to pages it had already read. */
  get drifted(): boolean {
    return this.drift;
  }

  /** In the catch-up pass: the ticket numbers this stream still has to handle. */
  get catchUp(): readonly number[] | undefined {
    return this.catchUpLeft;
  }

  /** Groove's clock when the scan began or, without one, the latest time it saw. */
  get scanStart(): number | undefined {
    return this.startedAt ?? this.maxSeen;
  }

  /**
   * The watermark handed in, when an incremental read got one later than `now` (a hand-edited
   * state or a skewed clock): such a read emits nothing until Groove's times pass it.
   */
  watermarkAfter(now: number): string | undefined {
    const later = this.options.incremental && this.watermark !== undefined && this.watermark > now;
    return later ? this.saved.watermark : undefined;
  }

  /** Starts over, when the saved position names a list this scan no longer has. */
  restart(): void {
    this.from = undefined;
    this.maxSeen = undefined;
    this.startedAt = undefined;
    this.handled = new Boundary();
    this.drift = false;
    this.catchUpLeft = undefined;
  }

  /**
   * Whether the record `key` updated at `time` is news to the host; if so it counts as handled
   * by this scan, and is not news again in it. An unreadable time counts as news; a record with
   * no key cannot be listed, so at or after W it is news (a repeat at worst, never a loss).
   */
  admit(time: number | undefined, key: string | undefined): boolean {
    if (time !== undefined && key !== undefined && this.handled.has(key, time)) return false;
    if (!this.isNews(time, key)) return false;
    if (time === undefined || key === undefined) return true;

    const lowest = this.lowestEnd() ?? -Infinity;
    if (lowest > this.prunedAt) {
      this.handled.dropBefore(lowest);
      this.prunedAt = lowest;
    }
    if (time >= lowest) this.handled.add(key, time);
    return true;
  }

  observe(time: number | undefined): void {
    if (time !== undefined && (this.maxSeen === undefined || time > this.maxSeen))
      this.maxSeen = time;
  }

  /** Groove's clock at the scan's first page; kept from the original scan when resuming. */
  noteServedAt(time: number | undefined): void {
    this.startedAt ??= time;
  }

  noteDrift(): void {
    this.drift = true;
  }

  /** Enters the catch-up pass with the ticket numbers this stream has to handle in it. */
  startCatchUp(numbers: readonly number[]): void {
    this.catchUpLeft = [...numbers];
  }

  /** The catch-up pass handled that ticket: a place inside it no longer says where to resume. */
  catchUpHandled(number: number): void {
    this.catchUpLeft = this.catchUpLeft?.filter((left) => left !== number);
    if (this.from !== undefined) {
      const { part, page, offset } = this.from;
      this.from = { part, page, offset };
    }
  }

  /**
   * The item at `slot`, saved as in progress, was finished by its number: what sits at that
   * slot now is not begun (it may be another item).
   */
  leaveInside(slot: ScanPosition, order: (a: ScanPosition, b: ScanPosition) => number): void {
    if (this.from !== undefined && order(this.from, slot) > 0 && this.from.inner !== undefined) {
      const { part, page, offset } = this.from;
      if (order({ part, page, offset }, slot) === 0) this.from = { part, page, offset };
    }
  }

  /** The scan goes on at `next` instead of `slot`, where the list moved (see scan.ts). */
  goOnAt(slot: ScanPosition, next: ScanPosition): void {
    const from = this.from;
    const atSlot = from?.inner === undefined && from?.part === slot.part;
    if (atSlot && from.page === slot.page && from.offset === slot.offset) this.from = next;
  }

  /** The state to checkpoint with the next item to read at `next`. */
  progress(
    scope: string,
    next: ScanPosition,
    order: (a: ScanPosition, b: ScanPosition) => number,
  ): StreamState {
    const position = this.from !== undefined && order(this.from, next) > 0 ? this.from : next;
    const scan: ScanState = { scope, ...position, ...this.times() };
    const handled = this.handled.entriesFrom(this.lowestEnd() ?? -Infinity);
    if (handled.length > 0) scan.boundary = handled;
    if (this.drift) scan.drifted = true;
    if (this.catchUpLeft !== undefined) scan.catch_up = [...this.catchUpLeft];
    return { ...this.saved, scan };
  }

  /** The state once the scan has ended: W and B moved forward, no position. */
  finish(): StreamState {
    const end = this.lowestEnd();
    if (end === undefined) return {};
    const boundary = Boundary.from([
      ...this.emitted.entriesFrom(end),
      ...this.handled.entriesFrom(end),
    ]);
    return { watermark: formatInstant(end), boundary: boundary.entriesFrom(end) };
  }

  private isNews(time: number | undefined, key: string | undefined): boolean {
    if (!this.options.incremental || time === undefined) return true;
    if (this.options.startDate !== undefined && time < this.options.startDate) return false;
    if (this.watermark === undefined) return true;
    return time >= this.watermark && (key === undefined || !this.emitted.has(key, time));
  }

  /** The watermark this scan ends with if it sees nothing later: it only grows meanwhile. */
  private lowestEnd(): number | undefined {
    const capped =
      this.maxSeen === undefined ? undefined : Math.min(this.maxSeen, this.startedAt ?? Infinity);
    const candidates = [this.watermark, capped].filter((t): t is number => t !== undefined);
    return candidates.length === 0 ? undefined : Math.max(...candidates);
  }

  private times(): { max_seen?: string; started_at?: string } {
    const times: { max_seen?: string; started_at?: string } = {};
    if (this.maxSeen !== undefined) times.max_seen = formatInstant(this.maxSeen);
    if (this.startedAt !== undefined) times.started_at = formatInstant(this.startedAt);
    return times;
  }
}
