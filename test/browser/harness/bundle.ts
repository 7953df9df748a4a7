import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../../../src/paths';

const PAGE_DIR = path.join(__dirname, '..', 'page');

/** Git-ignored: the bundle is rebuilt from the page's sources, never committed. */
export const BUNDLE_DIR = path.join(PAGE_DIR, 'dist');

export const BUNDLE_FILE = path.join(BUNDLE_DIR, 'main.js');

const STAMP_FILE = path.join(BUNDLE_DIR, 'main.js.sha256');

/** A fingerprint of everything the bundle is made of: the page's sources and the lockfile. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const sources = fs
    .readdirSync(PAGE_DIR)
    .filter((name) => /\.tsx?$/.test(name))
    .sort();
  for (const name of sources) hash.update(name).update(fs.readFileSync(path.join(PAGE_DIR, name)));
  hash.update(fs.readFileSync(path.join(PACKAGE_ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

/**
 * Bundles the test page (React, both renderers, the page's code) into one local script, so the
 * browser fetches nothing from the network. Each test file calls this; the fingerprint lets
 * every file after the first reuse the same bundle within a run.
 */
export async function bundleTestPage(): Promise<string> {
  const stamp = fingerprint();
  const built = fs.existsSync(BUNDLE_FILE) && fs.existsSync(STAMP_FILE);
  if (built && fs.readFileSync(STAMP_FILE, 'utf8') === stamp) return BUNDLE_FILE;

  // Written beside the target and renamed, so a file running in parallel never reads half a bundle.
  const partial = `${BUNDLE_FILE}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(PAGE_DIR, 'main.tsx')],
    outfile: partial,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  fs.renameSync(partial, BUNDLE_FILE);
  fs.writeFileSync(STAMP_FILE, stamp);
  return BUNDLE_FILE;
}
