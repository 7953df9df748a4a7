import type { ListStreamSpec, StreamName } from './types';

/** A stream that is one plain Groove list, read whole every time (Groove gives no update time). */
export function singleListStream(
  name: StreamName,
  path: string,
  itemsKey: string,
  description: string,
): ListStreamSpec {
  return {
    name,
    description,
    schemaFile: `records/${name}.schema.json`,
    incremental: false,
    targets: () => [{ part: '', path, itemsKey, subject: name }],
  };
}
