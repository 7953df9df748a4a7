import { fork, type ChildProcess } from 'node:child_process';

import { benchModule } from './paths';
import type { SandboxAnswer, SandboxCommand, SandboxReady, SandboxStart } from './sandbox-protocol';

/**
 * The sandbox in a process of its own, so that its CPU and memory never count as the client's.
 * The benchmark drives it over IPC: start, mark and tally the request log, compute minimums from
 * its data, change tickets, count created tickets, close.
 */
export class SandboxProcess {
  private queue: Promise<unknown> = Promise.resolve();

  readonly url: string;
  readonly adminToken: string;
  readonly customerEmail: string;
  readonly mailboxEmail: string;

  private constructor(
    private readonly child: ChildProcess,
    ready: SandboxReady,
  ) {
    this.url = ready.url;
    this.adminToken = ready.adminToken;
    this.customerEmail = ready.customerEmail;
    this.mailboxEmail = ready.mailboxEmail;
  }

  static async start(options: SandboxStart): Promise<SandboxProcess> {
    const child = fork(benchModule('sandbox-server'), [], {
      execArgv: ['--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await ask<'start'>(child, { command: 'start', options });
    return new SandboxProcess(child, ready);
  }

  /** Sends one command and waits for its answer; commands run one after another. */
  send<C extends SandboxCommand>(command: C): Promise<SandboxAnswer<C['command']>> {
    const next = this.queue.then(() => ask<C['command']>(this.child, command));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send({ command: 'close' }).catch(() => this.child.kill());
    await exited;
  }
}

/** Runs `use` with a fresh sandbox process and always closes it. */
export async function withSandbox<T>(
  options: SandboxStart,
  use: (sandbox: SandboxProcess) => Promise<T>,
): Promise<T> {
  const sandbox = await SandboxProcess.start(options);
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

function ask<C extends SandboxCommand['command']>(
  child: ChildProcess,
  command: SandboxCommand,
): Promise<SandboxAnswer<C>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { ok: boolean; answer?: unknown; error?: string }): void => {
      child.off('exit', onExit);
      if (message.ok) resolve(message.answer as SandboxAnswer<C>);
      else reject(new Error(`sandbox ${command.command}: ${message.error ?? 'failed'}`));
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMessage);
      reject(new Error(`the sandbox process exited (code ${code}) during ${command.command}`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
    child.send(command);
  });
}
