import { inputFields, integerFields } from './input-fields';
import type { Operation } from './operations';

type Fields = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds an operation's input from one record. Each input comes from the record field the
 * mapping names, else from the record field of the same name; other record fields are left
 * behind (records often carry more than Groove needs). A null or missing value leaves the
 * input out. Whole-number inputs given as text of digits become numbers.
 */
export function mapRecord(
  record: Fields,
  operation: Operation,
  mapping: Readonly<Record<string, string>>,
): Fields {
  const input: Fields = {};
  for (const field of inputFields(operation)) {
    const source = mapping[field];
    const value = source === undefined ? ownField(record, field) : readField(record, source);
    if (value !== undefined && value !== null) input[field] = value;
  }

  for (const [target, source] of Object.entries(mapping)) {
    const [field, inner] = target.split('.');
    if (field === undefined || inner === undefined) continue;
    const value = readField(record, source);
    if (value === undefined || value === null) continue;
    // A mapped inner field builds the object around it, e.g. `to.email` and `to.name`.
    const outer = input[field];
    input[field] = { ...(isPlainObject(outer) ? outer : {}), [inner]: value };
  }

  for (const field of integerFields(operation)) {
    const value = input[field];
    if (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value)) input[field] = Number(value);
  }
  return input;
}

/**
 * A record field by name, dotted path (`customer.email`) or JSON Pointer (`/customer/email`).
 * A name that exists as written wins over reading it as a path.
 */
export function readField(record: Fields, source: string): unknown {
  if (source.startsWith('/')) {
    const tokens = source
      .slice(1)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    return walk(record, tokens);
  }
  if (Object.prototype.hasOwnProperty.call(record, source)) return record[source];
  return walk(record, source.split('.'));
}

function walk(value: unknown, tokens: readonly string[]): unknown {
  let node = value;
  for (const token of tokens) {
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
    else if (isPlainObject(node)) node = ownField(node, token);
    else return undefined;
  }
  return node;
}

function ownField(record: Fields, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}
