import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export const CLI_PATH = path.join(REPO_ROOT, 'dist/cli/main.js');

const LOCK_DIR = path.join(os.tmpdir(), `groove-connector-build-${hashOf(REPO_ROOT)}.lock`);

/**
 * Builds dist/ once when it is missing or older than any file in src/, so the tests run the CLI
 * exactly as the package ships it. A lock keeps parallel jest workers from building twice.
 */
export async function ensureBuiltCli(): Promise<void> {
  if (isFresh()) return;

  await acquireLock();
  try {
    if (isFresh()) return;
    build();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * tsc emits despite type errors; those are the type-check step's to report, so a build that
 * emitted the CLI is enough here. One that emitted nothing fails with tsc's own words.
 */
function build(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  const startedAt = Date.now();
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
  } catch (error) {
    if (fs.existsSync(CLI_PATH) && fs.statSync(CLI_PATH).mtimeMs >= startedAt - 1000) return;
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    throw new Error(`Building the CLI failed:\n${output}`, { cause: error });
  }
}

function isFresh(): boolean {
  if (!fs.existsSync(CLI_PATH)) return false;
  return newestMtime(path.join(REPO_ROOT, 'src')) <= fs.statSync(CLI_PATH).mtimeMs;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run would block forever; a build never takes 5 minutes.
      if (Date.now() - fs.statSync(LOCK_DIR).mtimeMs > 300_000)
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function hashOf(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(16);
}
