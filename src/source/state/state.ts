/**
 * The state a host stores between reads: plain JSON, versioned.
 *
 * Per stream, `watermark` is the instant up to which every record was emitted by a finished
 * scan, and `scan` is the position of a scan still in progress. While a scan runs the
 * watermark stays where it was; only the scan's end moves it forward (see scan-cursor.ts).
 */
export const STATE_VERSION = 1;

/** Where a scan stopped: the next item to read is `offset` on `page` of list `part`. */
export interface ScanPosition {
  /** Which list of the scan: '' for a single list, or e.g. a knowledge base id, a ticket number. */
  part: string;
  page: number;
  offset: number;
}

export interface ScanState extends ScanPosition {
  /** What was being scanned (stream options); a state for other options is not resumed. */
  scope: string;
  /** Latest cursor value seen so far in this scan; becomes the watermark at the scan's end. */
  max_seen?: string;
  /** Groove's clock (the Date header) when the scan's first page was served. */
  started_at?: string;
}

export interface StreamState {
  watermark?: string;
  scan?: ScanState;
}

export interface SourceState {
  version: typeof STATE_VERSION;
  streams: Partial<Record<string, StreamState>>;
}

export function emptyState(): SourceState {
  return { version: STATE_VERSION, streams: {} };
}
