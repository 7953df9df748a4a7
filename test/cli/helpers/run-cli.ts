import { type ChildProcess, spawn } from 'node:child_process';
import { CLI_PATH, REPO_ROOT } from './built-cli';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment; the child gets only PATH besides these, never this process's key. */
  env?: Record<string, string>;
  stdin?: string;
  /** Leave stdin open for the test to write to and end. */
  keepStdinOpen?: boolean;
}

/** Starts the built CLI as a child process, the way an engine or a shell runs it. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (options.keepStdinOpen !== true) child.stdin?.end(options.stdin ?? '');
  return child;
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return finished(spawnCli(args, options));
}
