import { readSchema } from '../validation/ajv';

/** Shown in place of a saved secret; never accepted back as a secret's value. */
export const MASKED_SECRET = '••••••••';

// Renderers and hosts mask with bullets or asterisks; a value made only of these is a mask.
const MASK_ONLY = /^[*•●∙·◦]+$/u;

export function looksMasked(value: string): boolean {
  return MASK_ONLY.test(value.trim());
}

/** Names of the fields a schema marks with `x-secret`, read from the schema itself. */
export function secretFieldsOf(schemaFile: string): string[] {
  const properties = (readSchema(schemaFile)['properties'] ?? {}) as Record<string, unknown>;
  return Object.entries(properties)
    .filter(([, node]) => (node as Record<string, unknown>)['x-secret'] === true)
    .map(([name]) => name);
}
