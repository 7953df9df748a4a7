import type { StreamName } from '../generated/source';
import type { ScanPosition, StreamState } from './state/state';
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
 * Why a resumed read emits every record a full read would, none twice (for data that does not
 * change meanwhile):
 * - The watermark W only moves at a scan's end, to the latest cursor value the whole scan saw.
 *   Every record at or before W was therefore seen, and emitted if new, by a finished scan.
 * - During a scan, checkpoints carry W unchanged plus the position of the next item to read
 *   and the latest value seen so far. Everything before that position was handled (emitted or
 *   rightly skipped) before the checkpoint was yielded; nothing after it was.
 * - A resumed read re-fetches the page of that position, skips the items before it, and keeps
 *   the same W and the same latest-seen: it makes exactly the decisions the stopped read would
 *   have made for the rest of the scan, so the union of both reads is one full scan's output.
 * - The new W is also capped at Groove's clock when the scan began (the first page's Date
 *   header): a record changed while the scan ran may have moved to a page already read, and
 *   the cap leaves it newer than W, so the next read emits it instead of losing it.
 */
export class ScanCursor {
  readonly stream: StreamName;
  private readonly options: CursorOptions;
  private readonly watermark: number | undefined;
  private from: ScanPosition | undefined;
  private maxSeen: number | undefined;
  private startedAt: number | undefined;

  constructor(
    stream: StreamName,
    saved: StreamState | undefined,
    scope: string,
    options: CursorOptions,
  ) {
    this.stream = stream;
    this.options = options;
    this.watermark = parseGrooveTime(saved?.watermark);
    const scan = saved?.scan?.scope === scope ? saved.scan : undefined;
    if (scan !== undefined) {
      this.from = { part: scan.part, page: scan.page, offset: scan.offset };
      this.maxSeen = parseGrooveTime(scan.max_seen);
      this.startedAt = parseGrooveTime(scan.started_at);
    }
  }

  /** Where this stream resumes, or undefined to start at the beginning. */
  get resumeFrom(): ScanPosition | undefined {
    return this.from;
  }

  /** Starts over, when the saved position names a list this scan no longer has. */
  restart(): void {
    this.from = undefined;
    this.maxSeen = undefined;
    this.startedAt = undefined;
  }

  /** Whether a record updated at `time` is news to the host. An unreadable time counts as news. */
  accepts(time: number | undefined): boolean {
    if (!this.options.incremental || time === undefined) return true;
    if (this.options.startDate !== undefined && time < this.options.startDate) return false;
    return this.watermark === undefined || time > this.watermark;
  }

  observe(time: number | undefined): void {
    if (time !== undefined && (this.maxSeen === undefined || time > this.maxSeen))
      this.maxSeen = time;
  }

  /** Groove's clock at the scan's first page; kept from the original scan when resuming. */
  noteServedAt(time: number | undefined): void {
    this.startedAt ??= time;
  }

  /** The state to checkpoint with the next item to read at `next`. */
  progress(
    scope: string,
    next: ScanPosition,
    order: (a: ScanPosition, b: ScanPosition) => number,
  ): StreamState {
    const position = this.from !== undefined && order(this.from, next) > 0 ? this.from : next;
    const state: StreamState = {
      scan: { scope, ...position, ...this.times() },
    };
    if (this.watermark !== undefined) state.watermark = formatInstant(this.watermark);
    return state;
  }

  /** The state once the scan has ended: the watermark moved forward, no position. */
  finish(): StreamState {
    const candidates = [this.maxSeen, this.startedAt].filter((t): t is number => t !== undefined);
    const capped = this.maxSeen === undefined ? undefined : Math.min(...candidates);
    const next = Math.max(...[this.watermark, capped].filter((t): t is number => t !== undefined));
    return Number.isFinite(next) ? { watermark: formatInstant(next) } : {};
  }

  private times(): { max_seen?: string; started_at?: string } {
    const times: { max_seen?: string; started_at?: string } = {};
    if (this.maxSeen !== undefined) times.max_seen = formatInstant(this.maxSeen);
    if (this.startedAt !== undefined) times.started_at = formatInstant(this.startedAt);
    return times;
  }
}
