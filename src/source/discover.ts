import type { StreamName } from '../generated/source';
import { recordSchemaInfo } from './schema-info';
import { STREAMS } from './streams/registry';

export type SyncModeName = 'full_refresh' | 'incremental';

/** A stream as a host sees it: enough to pick it, map its records and key them. */
export interface DiscoveredStream {
  name: StreamName;
  description: string;
  /** The record schema (draft-07): every known field, others allowed. */
  json_schema: Record<string, unknown>;
  primary_key: string[];
  /** The field incremental reads compare; absent for streams Groove gives no update time. */
  cursor_field?: string[];
  sync_modes: SyncModeName[];
}

export interface Catalog {
  streams: DiscoveredStream[];
}

/** Every stream this connector reads, offline; keys and cursors come from the record schemas. */
export function discover(): Catalog {
  return {
    streams: STREAMS.map((stream) => {
      const { schema, primaryKey, cursorField } = recordSchemaInfo(stream);
      const discovered: DiscoveredStream = {
        name: stream.name,
        description: stream.description,
        json_schema: structuredClone(schema),
        primary_key: [...primaryKey],
        sync_modes: stream.incremental ? ['full_refresh', 'incremental'] : ['full_refresh'],
      };
      if (cursorField !== undefined) discovered.cursor_field = [...cursorField];
      return discovered;
    }),
  };
}
