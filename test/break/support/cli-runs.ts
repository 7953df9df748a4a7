import { spawn } from 'node:child_process';
import { CLI_PATH, REPO_ROOT } from '../../cli/helpers/built-cli';

export interface KilledRun {
  /** Complete stdout lines, parsed; a line cut by the kill is dropped. */
  lines: Array<Record<string, unknown>>;
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the built CLI and, once it has printed `killAfter` lines, sends it `signal`, the way an
 * engine stops a container. The run ends when the process has exited.
 */
export function runCliUntil(
  args: readonly string[],
  killAfter: number | undefined,
  signal: NodeJS.Signals,
): Promise<KilledRun> {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const complete = stdout.split('\n').length - 1;
    if (!sent && killAfter !== undefined && complete >= killAfter) {
      sent = true;
      child.kill(signal);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, exitSignal) => {
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const lines = complete
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ lines, stdout, stderr, code, signal: exitSignal });
    });
  });
}

/** The lines up to and including the last STATE line: what an engine has committed. */
export function committedLines(
  lines: ReadonlyArray<Record<string, unknown>>,
): Array<Record<string, unknown>> {
  let end = 0;
  lines.forEach((line, index) => {
    if (line['type'] === 'STATE') end = index + 1;
  });
  return lines.slice(0, end);
}

export function recordLines(
  lines: ReadonlyArray<Record<string, unknown>>,
): Array<{ stream: string; data: Record<string, unknown> }> {
  return lines
    .filter((line) => line['type'] === 'RECORD')
    .map((line) => line['record'] as { stream: string; data: Record<string, unknown> });
}
