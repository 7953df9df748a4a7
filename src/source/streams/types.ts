import type { StreamName, Stream as StreamConfig } from '../../generated/source';
import type { GrooveQuery } from '../paginate';
import type { ReadContext } from '../read-context';

export type { StreamName, StreamConfig };

/** What every stream declares; discover() adds the primary key and cursor from its schema. */
export interface StreamDefinition {
  name: StreamName;
  description: string;
  /** Record schema, relative to schemas/. */
  schemaFile: string;
  /** Whether an incremental read can skip what did not change since the last read. */
  incremental: boolean;
}

/** One Groove list to page through; a stream may read several (one per knowledge base). */
export interface ScanTarget {
  /** Names this list in a scan position: '' when a stream reads a single list. */
  part: string;
  path: string;
  query?: GrooveQuery;
  /** The envelope key holding the items, e.g. `tickets`. */
  itemsKey: string;
  /** What the list is about, for error messages, e.g. "ticket 12". */
  subject: string;
  /** A child list whose 404/403 skips it (counted and reported) instead of stopping the read. */
  skippable?: boolean;
}

/** A stream read by paging through one or more lists, one record per item. */
export interface ListStreamSpec extends StreamDefinition {
  targets(config: StreamConfig, context: ReadContext): ScanTarget[] | Promise<ScanTarget[]>;
  /** Groove's item as the record to emit; the default emits it unchanged. */
  toRecord?(item: Record<string, unknown>, target: ScanTarget): Record<string, unknown>;
}
