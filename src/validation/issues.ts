import type { ErrorObject } from 'ajv';
import type { FieldIssue } from '../errors';

type SchemaNode = Record<string, unknown>;

/**
 * Turns ajv's errors into issues a person can act on: the field named by its form label and a
 * sentence that never repeats the value (it may be a secret).
 */
export function toFieldIssues(errors: readonly ErrorObject[], root: SchemaNode): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if`/`then` wrappers only repeat the real error beside them.
    if (error.keyword === 'if') continue;
    const field = fieldPath(error);
    const label = labelFor(root, field);
    const message =
      error.keyword === 'false schema' ? notApplicable(error, label, root) : describe(error, label);
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ field: field || '(root)', label, message });
  }
  return issues;
}

function fieldPath(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '');
  const params = error.params as Record<string, unknown>;
  const child =
    error.keyword === 'required'
      ? params['missingProperty']
      : error.keyword === 'additionalProperties'
        ? params['additionalProperty']
        : undefined;
  if (typeof child !== 'string') return base;
  return base ? `${base}/${child}` : child;
}

/** Walks the schema along the path to find the field's title; falls back to the field name. */
export function labelFor(root: SchemaNode, field: string): string {
  let node: SchemaNode | undefined = root;
  const parts = field ? field.split('/') : [];
  for (const part of parts) {
    node = childSchema(node, part);
    if (node === undefined) break;
  }
  const title = node?.['title'];
  if (typeof title === 'string') return title;
  const last = parts[parts.length - 1];
  if (last === undefined) return 'Form';
  // An untitled list item is named after its list: "Tags item 2", not "1".
  if (/^\d+$/.test(last))
    return `${labelFor(root, parts.slice(0, -1).join('/'))} item ${Number(last) + 1}`;
  return last.replace(/~1/g, '/').replace(/~0/g, '~');
}

function childSchema(node: SchemaNode | undefined, part: string): SchemaNode | undefined {
  if (node === undefined) return undefined;
  const properties = node['properties'] as Record<string, SchemaNode> | undefined;
  if (properties && Object.prototype.hasOwnProperty.call(properties, part)) {
    return properties[part];
  }
  const items = node['items'];
  if (/^\d+$/.test(part) && items && typeof items === 'object') return items as SchemaNode;
  return undefined;
}

/**
 * A field forbidden by an `if`/`then` (an option of another stream): names the condition from
 * the schema, e.g. `Ticket State does not apply when Stream Name is "agents"; remove it.`
 */
function notApplicable(error: ErrorObject, label: string, root: SchemaNode): string {
  const steps = error.schemaPath.replace(/^#\//, '').split('/');
  const thenAt = steps.lastIndexOf('then');
  let node: unknown = root;
  for (const step of steps.slice(0, thenAt)) node = (node as SchemaNode | undefined)?.[step];
  const condition = (node as SchemaNode | undefined)?.['if'] as SchemaNode | undefined;
  const properties = (condition?.['properties'] ?? {}) as Record<string, SchemaNode>;
  for (const [name, rule] of Object.entries(properties)) {
    if (!('const' in rule)) continue;
    const parent = error.instancePath.replace(/^\//, '').split('/').slice(0, -1).join('/');
    const subject = labelFor(root, parent ? `${parent}/${name}` : name);
    return `${label} does not apply when ${subject} is ${JSON.stringify(rule['const'])}; remove it.`;
  }
  return `${label} does not apply here; remove it.`;
}

function describe(error: ErrorObject, label: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${label} is required.`;
    case 'additionalProperties':
      return `"${String(params['additionalProperty'])}" is not a field of this form; remove it.`;
    case 'type':
      return `${label} must be ${article(String(params['type']))}.`;
    case 'minLength':
      return params['limit'] === 1 ? `${label} must not be empty.` : `${label} is too short.`;
    case 'maxLength':
      return `${label} is too long (at most ${String(params['limit'])} characters).`;
    case 'format':
      return `${label} must be ${formatName(String(params['format']))}.`;
    case 'enum':
      return `${label} must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}.`;
    case 'const':
      return `${label} must be ${JSON.stringify(params['allowedValue'])}.`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${label} ${error.message ?? 'is out of range'}.`;
    case 'minItems':
      return `${label} needs at least ${String(params['limit'])} item(s).`;
    case 'maxItems':
      return `${label} allows at most ${String(params['limit'])} item(s).`;
    case 'uniqueItems':
      return `${label} lists the same item twice.`;
    case 'pattern':
      return `${label} has characters or a shape that is not allowed.`;
    default:
      return `${label} is not valid (${error.keyword}).`;
  }
}

function article(type: string): string {
  const kinds = type
    .split(',')
    .map((kind) => (kind === 'integer' ? 'a whole number' : `a ${kind}`));
  return kinds
    .join(' or ')
    .replace(/a object/g, 'an object')
    .replace(/a array/g, 'a list');
}

function formatName(format: string): string {
  switch (format) {
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'date-time':
      return 'a date and time in ISO 8601 (e.g. 2026-01-31T12:00:00Z)';
    case 'uri':
      return 'a full URL';
    case 'email':
    case 'idn-email':
      return 'an email address';
    default:
      return `a valid ${format}`;
  }
}
