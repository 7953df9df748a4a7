import type { ErrorObject } from 'ajv';
import { InvalidInputError, type FieldIssue } from '../errors';
import type { GrooveDestinationConfig } from '../generated/destination';
import { readSchema, validatorFor } from '../validation/ajv';
import { labelFor, toFieldIssues } from '../validation/issues';
import { inputFields } from './input-fields';
import { OPERATIONS, type Operation } from './operations';

export const DESTINATION_SCHEMA = 'destination.schema.json';

/** The destination form once validated, every default filled in. */
export interface DestinationSettings {
  operation: Operation;
  mapping: Readonly<Record<string, string>>;
  on_invalid_record: 'skip' | 'stop';
  send_copy_to_customer: boolean;
  skip_notifications: boolean;
  concurrency: number;
  requests_per_minute: number;
}

/** Defaults the schema declares, applied here because the shared ajv does not fill them in. */
const DEFAULTS = {
  on_invalid_record: 'skip',
  send_copy_to_customer: false,
  skip_notifications: true,
  concurrency: 1,
  requests_per_minute: 30,
} as const;

/**
 * Checks the destination form offline and returns it with defaults filled; throws
 * InvalidInputError naming each field, so that nothing is sent for a form that is wrong.
 */
export function validateDestinationConfig(input: unknown): DestinationSettings {
  const schema = readSchema(DESTINATION_SCHEMA);
  const validate = validatorFor<GrooveDestinationConfig>(DESTINATION_SCHEMA);
  if (!validate(input)) {
    const errors = (validate.errors ?? []).filter((error) => !isMappingError(error));
    const issues = [
      ...toFieldIssues(errors, schema),
      ...mappingValueIssues(validate.errors ?? [], schema),
      ...mappingIssues(input, schema),
    ];
    throw new InvalidInputError('destination configuration', issues);
  }

  const operation = OPERATIONS[input.operation];
  const mapping = input.mapping ?? {};
  const issues = mappingIssues(input, schema);
  if (issues.length > 0) throw new InvalidInputError('destination configuration', issues);

  return { ...DEFAULTS, ...input, operation, mapping };
}

// The schema's checks of mapping keys and values say only "not valid"; the two functions
// below say which entry and why.
function isMappingError(error: ErrorObject): boolean {
  const keyError =
    error.instancePath === '/mapping' &&
    (error.keyword === 'propertyNames' || error.propertyName !== undefined);
  return keyError || error.instancePath.startsWith('/mapping/');
}

function mappingValueIssues(errors: readonly ErrorObject[], schema: Record<string, unknown>) {
  const label = labelFor(schema, 'mapping');
  const entries = new Set(
    errors
      .map((error) => error.instancePath)
      .filter((path) => path.startsWith('/mapping/'))
      .map((path) => path.slice('/mapping/'.length)),
  );
  return [...entries].map((entry): FieldIssue => {
    const key = entry.replace(/~1/g, '/').replace(/~0/g, '~');
    const message = `The record field mapped to "${key}" must be a name or path of 1 to 500 characters.`;
    return { field: `mapping/${entry}`, label, message };
  });
}

/** Each mapping key must name an input of the chosen operation (or a field inside one). */
function mappingIssues(input: unknown, schema: Record<string, unknown>): FieldIssue[] {
  // A form that is not even an object (null, a list) has only the schema's error to report.
  if (typeof input !== 'object' || input === null) return [];
  const form = input as Partial<Record<string, unknown>>;
  const mapping = form['mapping'];
  const name = form['operation'];
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) return [];
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(OPERATIONS, name)) {
    return [];
  }

  const operation = OPERATIONS[name as keyof typeof OPERATIONS];
  const fields = inputFields(operation);
  const label = labelFor(schema, 'mapping');
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(mapping)) {
    const [field, inner, ...rest] = key.split('.');
    const known = field !== undefined && fields.includes(field);
    const nests = inner === undefined || operation.objectInputs.includes(field ?? '');
    if (known && nests && rest.length === 0 && inner !== '') continue;
    issues.push({
      field: `mapping/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      label,
      message: describeBadKey(key, operation, fields),
    });
  }
  return issues;
}

function describeBadKey(key: string, operation: Operation, fields: readonly string[]): string {
  const nested = operation.objectInputs.map((field) => `${field}.<field>`);
  const choices = [...fields, ...nested].join(', ');
  return `"${key}" is not an input of ${operation.name}; map one of: ${choices}.`;
}
