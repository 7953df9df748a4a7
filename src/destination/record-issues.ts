import type { ErrorObject } from 'ajv';
import type { FieldIssue } from '../errors';
import { toFieldIssues } from '../validation/issues';
import { inputSchema } from './input-fields';
import type { Operation } from './operations';

type SchemaNode = Record<string, unknown>;

/**
 * Issues for one record that failed its operation's schema, each naming the input by its label
 * and, when the mapping fed it, the record field it came from. Never echoes a value.
 */
export function recordIssues(
  errors: readonly ErrorObject[],
  operation: Operation,
  mapping: Readonly<Record<string, string>>,
): FieldIssue[] {
  const issues = toFieldIssues(collapseAlternatives(errors), labelSchema(operation));
  return issues.map((issue) => {
    const source = mapping[issue.field.replace('/', '.')];
    if (source === undefined) return issue;
    return { ...issue, message: `${issue.message} (mapped from the record's "${source}")` };
  });
}

/**
 * An `anyOf` (an email or a customer object) makes ajv report every branch. Keep the errors of
 * the branch the value's type chose, and for a value of neither type one "must be X or Y".
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((error) => error.keyword === 'anyOf');
  if (alternatives.length === 0) return [...errors];

  const kept = errors.filter(
    (error) =>
      error.keyword !== 'anyOf' &&
      !(
        error.keyword === 'type' && alternatives.some((a) => a.instancePath === error.instancePath)
      ),
  );
  for (const alternative of alternatives) {
    const path = alternative.instancePath;
    const explained = kept.some((error) => error.instancePath.startsWith(path));
    if (explained) continue;
    const types = errors
      .filter((error) => error.keyword === 'type' && error.instancePath === path)
      .map((error) => String((error.params as { type: unknown }).type));
    kept.push({ ...alternative, keyword: 'type', params: { type: types.join(',') } });
  }
  return kept;
}

const labelSchemas = new Map<string, SchemaNode>();

/**
 * The input schema with each `anyOf` input given the properties of its object branch, so that
 * `to/email` is labelled "Customer Email" rather than "email".
 */
function labelSchema(operation: Operation): SchemaNode {
  const cached = labelSchemas.get(operation.name);
  if (cached !== undefined) return cached;

  const schema = inputSchema(operation) as unknown as SchemaNode;
  const definitions = (schema['definitions'] ?? {}) as Record<string, SchemaNode>;
  const properties: Record<string, SchemaNode> = {};
  for (const [name, node] of Object.entries(schema['properties'] as Record<string, SchemaNode>)) {
    const branches = (node['anyOf'] ?? []) as SchemaNode[];
    const objectBranch = branches
      .map((branch) => resolveLocal(branch, definitions))
      .find((branch) => branch['type'] === 'object');
    properties[name] =
      objectBranch === undefined ? node : { ...node, properties: objectBranch['properties'] };
  }
  const labelled = { ...schema, properties };
  labelSchemas.set(operation.name, labelled);
  return labelled;
}

function resolveLocal(node: SchemaNode, definitions: Record<string, SchemaNode>): SchemaNode {
  const ref = node['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return node;
  return definitions[ref.slice('#/definitions/'.length)] ?? node;
}
