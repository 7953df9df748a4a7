import path from 'node:path';

/** The package root: this file sits one level below it, in src/ or in dist/. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..');

export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'schemas');

export const MANIFEST_PATH = path.join(PACKAGE_ROOT, 'connector.json');
