import { fork } from 'node:child_process';

import { benchModule } from './paths';

/**
 * Runs one scenario in a fresh `node` process, so that its CPU and memory figures are its own:
 * no module, cache or heap left behind by another measurement, and no sandbox in the process.
 * The scenario gets its input over IPC and answers with one message (see scenario-main.ts).
 */
export function runScenario<I, O>(
  scenario: string,
  input: I,
  timeoutMs: number,
  nodeFlags: readonly string[] = [],
): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const child = fork(benchModule(scenario), [], {
      execArgv: [...nodeFlags],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: { ok: true; result: O } | { ok: false; error: string } | undefined;

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${scenario} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);

    child.on('message', (message) => {
      answer = message as typeof answer;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (answer?.ok) resolve(answer.result);
      else reject(new Error(answer?.error ?? `${scenario} exited with code ${code} and no result`));
    });

    child.send(input as object);
  });
}
