import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Sandbox, startSandbox } from '../../../src/sandbox';
import type { SandboxOptions } from '../../../src/sandbox';
import { type CliOptions, type CliRun, runCli } from './run-cli';

/**
 * A sandbox started in this process plus a scratch folder for the files the CLI takes. Every
 * run's output is kept, so a test can scan all of it for the key at the end.
 */
export class Workspace {
  readonly runs: CliRun[] = [];

  private constructor(
    readonly sandbox: Sandbox,
    readonly dir: string,
  ) {}

  static async start(options: SandboxOptions = {}): Promise<Workspace> {
    const sandbox = await startSandbox({ seed: 11, tickets: 60, ...options });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groove-cli-'));
    return new Workspace(sandbox, dir);
  }

  /** Writes `content` as JSON (or as given, when a string) and returns its path. */
  file(name: string, content: unknown): string {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }

  /** A credential file for one of the sandbox's tokens. */
  credential(token: keyof Sandbox['tokens'] = 'admin', name = `${token}.credential.json`): string {
    return this.file(name, {
      credential_name: `Sandbox ${token}`,
      api_key: this.sandbox.tokens[token],
      api_base_url: this.sandbox.url,
    });
  }

  async run(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
    const run = await runCli(args, options);
    this.runs.push(run);
    return run;
  }

  /** Every byte the CLI printed in this workspace, for the key scan. */
  printed(): string {
    return this.runs.map((run) => run.stdout + run.stderr).join('\n');
  }

  async close(): Promise<void> {
    await this.sandbox.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
