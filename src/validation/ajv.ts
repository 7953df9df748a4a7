import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isEmailValid } from '@hapi/address';
import { SCHEMA_DIR } from '../paths';

/**
 * Vendor keywords our schemas carry. Registered so ajv's strict mode accepts them instead of
 * throwing "unknown keyword"; their meaning lives in the code that reads them.
 */
export const VENDOR_KEYWORDS = [
  // Marks a field holding a secret: masked in forms, never logged, merged specially on edit.
  'x-secret',
  // Record schemas: the stream's primary key and cursor field, read by discover().
  'x-primary-key',
  'x-cursor-field',
] as const;

/** Every schema file in schemas/, UI-hint files excepted, relative to that folder. */
export function listSchemaFiles(dir = SCHEMA_DIR, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.posix.join(prefix, entry.name);
      if (entry.isDirectory()) {
        return entry.name === 'ui' ? [] : listSchemaFiles(path.join(dir, entry.name), relative);
      }
      return entry.name.endsWith('.schema.json') ? [relative] : [];
    })
    .sort();
}

export function readSchema(relativePath: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(SCHEMA_DIR, relativePath), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

function createAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, useDefaults: false });
  addFormats(ajv);
  // ajv-formats has no `idn-email`; addresses carry unicode local parts and IDN domains, and
  // @hapi/address checks them without a list of top-level domains that would age.
  ajv.addFormat('idn-email', (value: string) => isEmailValid(value));
  for (const keyword of VENDOR_KEYWORDS)
    ajv.addKeyword({ keyword, schemaType: ['boolean', 'string', 'array'] });
  for (const file of listSchemaFiles()) ajv.addSchema(readSchema(file), file);
  return ajv;
}

let shared: Ajv | undefined;

/** The one ajv instance: every schema added once, each validator compiled on first use. */
export function getAjv(): Ajv {
  shared ??= createAjv();
  return shared;
}

/** The compiled validator of a schema file, e.g. `credential.schema.json`. */
export function validatorFor<T>(schemaFile: string): ValidateFunction<T> {
  const validate = getAjv().getSchema<T>(schemaFile);
  if (validate === undefined) throw new Error(`No schema named ${schemaFile} in schemas/`);
  return validate;
}
