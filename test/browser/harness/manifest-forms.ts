import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_PATH, PACKAGE_ROOT } from '../../../src/paths';
import { RENDERERS, type FormPayload, type JsonObject } from '../page/payload';

type Manifest = {
  schemas: Partial<Record<string, string>>;
  ui_hints?: Partial<Record<string, Partial<Record<string, string>>>>;
};

function readJson(file: string): JsonObject {
  return JSON.parse(fs.readFileSync(path.resolve(PACKAGE_ROOT, file), 'utf8')) as JsonObject;
}

function readManifest(): Manifest {
  return readJson(MANIFEST_PATH) as Manifest;
}

function schemaPathOf(manifest: Manifest, form: string): string {
  const schemaPath = manifest.schemas[form];
  if (schemaPath === undefined) throw new Error(`connector.json names no ${form} schema`);
  return schemaPath;
}

/** Whether `connector.json` ships a form under this name: a schema and UI hints for it. */
export function manifestHasForm(form: string): boolean {
  const manifest = readManifest();
  return manifest.schemas[form] !== undefined && manifest.ui_hints?.[form] !== undefined;
}

/**
 * Reads one form as a host would: the schema and the UI-hint files are found through the
 * manifest, never by a path of our own, so a renamed file or a missing entry fails here.
 */
export function readManifestForm(form: string): FormPayload {
  const manifest = readManifest();
  const hintPaths = manifest.ui_hints?.[form];
  if (hintPaths === undefined) throw new Error(`connector.json names no UI hints for ${form}`);

  const hintEntries = RENDERERS.map((renderer) => {
    const hintPath = hintPaths[renderer];
    if (hintPath === undefined) {
      throw new Error(`connector.json names no ${renderer} UI hints for the ${form} form`);
    }
    return [renderer, readJson(hintPath)] as const;
  });

  return {
    form,
    schema: readJson(schemaPathOf(manifest, form)),
    hints: Object.fromEntries(hintEntries) as FormPayload['hints'],
  };
}

/** The schema's name in the project's ajv registry (src/validation/ajv.ts), e.g. `source.schema.json`. */
export function registrySchemaName(form: string): string {
  return path.posix.relative('schemas', schemaPathOf(readManifest(), form));
}
