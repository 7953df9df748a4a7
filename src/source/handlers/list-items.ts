import type { ScanCursor } from '../scan-cursor';
import type { ItemHandler } from '../scan';
import { keyOf, RecentKeys } from '../recent-keys';
import { recordSchemaInfo } from '../schema-info';
import type { ListStreamSpec } from '../streams/types';
import { parseGrooveTime } from '../timestamps';

/** Emits each item of a plain list once, filtered by the stream's watermark when it has one. */
export function listItemHandler(spec: ListStreamSpec, cursor: ScanCursor): ItemHandler {
  const { primaryKey, cursorField } = recordSchemaInfo(spec);
  const recent = new RecentKeys();

  return async function* handleListItem(item, place) {
    const record = spec.toRecord ? spec.toRecord(item, place.target) : item;
    const key = keyOf(record, primaryKey);
    const pageId = `${place.position.part}\u0000${place.position.page}`;
    if (key !== undefined && !recent.firstTime(pageId, key)) return false;

    const time = cursorField ? parseGrooveTime(record[cursorField[0] as string]) : undefined;
    cursor.observe(time);
    if (cursor.admit(time, key)) yield { type: 'RECORD', stream: spec.name, record };
    return false;
  };
}
