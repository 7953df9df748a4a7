/**
 * The state a host stores between reads: plain JSON, versioned.
 *
 * Per stream, `watermark` is the instant from which records may still be news, `boundary` the
 * records at or after it that were already emitted, and `scan` the position of a scan still in
 * progress. While a scan runs the watermark stays where it was; only the scan's end moves it
 * forward (see scan-cursor.ts).
 *
 * Version 2 added the boundary lists and the catch-up pass (`drifted`, `catch_up`); version 3
 * the position inside a ticket or message (`scan.inner`). A version-1 state is still read: a
 * watermark without a boundary list means every record at or before it was emitted, which is
 * what version 1 meant. A version-2 state is a version-3 state without positions inside items.
 */
export const STATE_VERSION = 3;

/** The versions a host may hand back; anything read is written back as STATE_VERSION. */
export const READABLE_STATE_VERSIONS = [1, 2, 3] as const;

/**
 * Inside an item whose own record was handled: the next child to read (a ticket's message, a
 * message's attachment) is `offset` on `page` of the item's child list; with `inner`, the child
 * there is itself in progress. Version 3 added it.
 */
export interface InnerPosition extends Owner {
  page: number;
  offset: number;
  inner?: InnerPosition;
}

/**
 * Which item an inner position is inside: a ticket by `number`, a message by `message_id`. The
 * place of an item in its list moves while a read is stopped (lists are newest first), so a
 * resumed read finds the item by this, not by its place. Added within version 3.
 */
export interface Owner {
  number?: number;
  message_id?: string;
}

/**
 * Where a scan stopped: the next item to read is `offset` on `page` of list `part`, or, with
 * `inner`, that item is in progress and `inner` says where inside it.
 */
export interface ScanPosition {
  /** Which list of the scan: '' for a single list, or e.g. a knowledge base id, a ticket number. */
  part: string;
  page: number;
  offset: number;
  inner?: InnerPosition;
}

/** One record already emitted: its key (e.g. `ticket 42`) and its update time then. */
export interface BoundaryEntry {
  key: string;
  at: string;
}

export interface ScanState extends ScanPosition {
  /** What was being scanned (stream options); a state for other options is not resumed. */
  scope: string;
  /** Latest cursor value seen so far in this scan; becomes the watermark at the scan's end. */
  max_seen?: string;
  /** Groove's clock (the Date header) when the scan's first page was served. */
  started_at?: string;
  /** Records this scan emitted so far that may fall at or after its new watermark. */
  boundary?: BoundaryEntry[];
  /** The scan met an item twice: items moved to pages it had already read. */
  drifted?: boolean;
  /** In the catch-up pass: the ticket numbers still to handle (see catch-up.ts). */
  catch_up?: number[];
}

export interface StreamState {
  watermark?: string;
  boundary?: BoundaryEntry[];
  scan?: ScanState;
  /**
   * Read to its end earlier in this read: a resumed read skips it. Only checkpoints carry it;
   * the read's last STATE drops it, so the next read (a new full refresh) reads it again.
   */
  done?: true;
}

export interface SourceState {
  version: typeof STATE_VERSION;
  streams: Partial<Record<string, StreamState>>;
}

export function emptyState(): SourceState {
  return { version: STATE_VERSION, streams: {} };
}
