import { readSchema } from '../validation/ajv';
import type { StreamDefinition } from './streams/types';

export interface RecordSchemaInfo {
  schema: Record<string, unknown>;
  primaryKey: string[];
  /** Absent for streams Groove gives no update time. */
  cursorField: string[] | undefined;
}

const cache = new Map<string, RecordSchemaInfo>();

/** A stream's record schema with the keys it declares (x-primary-key, x-cursor-field). */
export function recordSchemaInfo(stream: StreamDefinition): RecordSchemaInfo {
  const cached = cache.get(stream.schemaFile);
  if (cached !== undefined) return cached;

  const schema = readSchema(stream.schemaFile);
  const primaryKey = schema['x-primary-key'];
  const cursorField = schema['x-cursor-field'];
  if (!isStringList(primaryKey)) throw new Error(`${stream.schemaFile} declares no x-primary-key`);
  const info = {
    schema,
    primaryKey,
    cursorField: isStringList(cursorField) ? cursorField : undefined,
  };
  cache.set(stream.schemaFile, info);
  return info;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}
