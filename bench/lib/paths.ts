import fs from 'node:fs';
import path from 'node:path';

/** The package root, found from wherever this file runs (bench/ or its compiled copy). */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** The built package: what a host loads, and so what the benchmark measures. */
export const DIST = path.join(PACKAGE_ROOT, 'dist');

/** The compiled benchmark (bench/tsconfig.json writes it here). */
export const BENCH_BUILD = path.join(DIST, 'bench-build', 'bench');

export const RESULTS_PATH = path.join(PACKAGE_ROOT, 'bench', 'RESULTS.md');

/** A compiled benchmark module, e.g. scenarioPath('scenarios/connector-read'). */
export function benchModule(relative: string): string {
  return path.join(BENCH_BUILD, `${relative}.js`);
}

/** Loads a module of the built package, typed by its source. */
export function requireDist<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, as a host loads it
  return require(path.join(DIST, relative)) as T;
}
