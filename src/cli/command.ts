import type { Logger } from '../logger';
import type { ExitCodeValue } from './exit-codes';
import type { FlagSpecs, FlagValues } from './flags';
import type { MessageWriter } from './message-writer';
import type { StderrTerminal } from './terminal';

/** What a command runs with: the process's streams, wrapped, and its interrupt signal. */
export interface CliContext {
  /** Protocol messages, one JSON line each (spec, check, discover, read, write). */
  messages: MessageWriter;
  /** Plain stdout, for the commands whose output is for people (demo, sandbox). */
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  terminal: StderrTerminal;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  /** Every form of the key seen so far; writers and the logger mask them. */
  secrets: string[];
  /** Aborted by SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** The exit code of the interrupt that aborted `signal`, once one came. */
  interruptedExitCode(): ExitCodeValue | undefined;
}

export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The usage line, e.g. `read --credential FILE --config FILE [--state FILE]`. */
  usage: string;
  /** Paragraphs shown under the usage line by `--help`. */
  details: string;
  flags: FlagSpecs;
  /** Whether stdout carries protocol messages, so a failure ends with a TRACE message. */
  protocol: boolean;
  run(values: FlagValues, context: CliContext): Promise<ExitCodeValue>;
}
