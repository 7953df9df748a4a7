import { readSchema } from '../validation/ajv';
import type { Operation } from './operations';

interface InputSchema {
  properties: Record<string, Record<string, unknown>>;
}

const cache = new Map<string, InputSchema>();

/** The operation's input schema, read once. */
export function inputSchema(operation: Operation): InputSchema {
  let schema = cache.get(operation.schemaFile);
  if (schema === undefined) {
    schema = readSchema(operation.schemaFile) as unknown as InputSchema;
    cache.set(operation.schemaFile, schema);
  }
  return schema;
}

/** The names of the operation's inputs, in schema order. */
export function inputFields(operation: Operation): string[] {
  return Object.keys(inputSchema(operation).properties);
}

/** Inputs the schema types as whole numbers (ticket numbers), which records often hold as text. */
export function integerFields(operation: Operation): string[] {
  const { properties } = inputSchema(operation);
  return Object.keys(properties).filter((name) => properties[name]?.['type'] === 'integer');
}
