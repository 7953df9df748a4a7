import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_PATH, PACKAGE_ROOT } from '../paths';

/** The parts of connector.json the CLI reads. */
export interface ConnectorManifest {
  id: string;
  display_name: string;
  version: string;
  schemas: Record<string, string>;
  links?: Record<string, string>;
}

export function readManifest(): ConnectorManifest {
  return JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8')) as ConnectorManifest;
}

/** A schema the manifest names, by its path relative to the package root. */
export function readManifestSchema(relativePath: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, relativePath), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

export function packageVersion(): string {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
