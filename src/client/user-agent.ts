import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths';

let cached: string | undefined;

/** `groove-connector/<version>`, read once from package.json so it never drifts from releases. */
export function userAgent(): string {
  if (cached !== undefined) return cached;
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  cached = `${manifest.name}/${manifest.version}`;
  return cached;
}
