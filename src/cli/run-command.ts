import { redact } from '../secrets';
import type { CliContext, Command } from './command';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { classifyFailure, isCancellation } from './failure';
import { type FlagSpecs, parseFlags, stringFlag, flagError } from './flags';
import { commandHelp, PROGRAM } from './help';
import { listenForInterrupts } from './interrupts';
import { MessageWriter } from './message-writer';
import { errorTraceMessage } from './protocol';
import { createStderrLogger, isLogLevel, LOG_LEVELS, type LogLevel } from './stderr-logger';
import { StderrTerminal } from './terminal';

/** Flags every command takes. */
export const COMMON_FLAGS: FlagSpecs = {
  'log-level': {
    type: 'string',
    valueName: 'LEVEL',
    description: `Least severe log line printed on stderr: ${LOG_LEVELS.join(', ')} (default: GROOVE_LOG_LEVEL, else info).`,
  },
  help: { type: 'boolean', description: 'Show this help.' },
};

/**
 * Runs one command with the process's streams: parses its flags, turns SIGINT/SIGTERM into an
 * abort, and reports a failure on stderr and, for protocol commands, as a final TRACE message.
 */
export async function runCommand(
  command: Command,
  argv: readonly string[],
): Promise<ExitCodeValue> {
  const flags = { ...command.flags, ...COMMON_FLAGS };
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${commandHelp(command, flags)}\n`);
    return ExitCode.success;
  }

  const secrets: string[] = [];
  const terminal = new StderrTerminal(process.stderr);
  const messages = new MessageWriter(process.stdout, secrets);
  let logger = createStderrLogger(terminal, 'info', secrets);
  const interrupts = listenForInterrupts((signal) =>
    logger.warn(`${signal} received: stopping cleanly (send it again to stop at once)`),
  );

  // A reader that goes away (`| head`) closes stdout: nothing more can be said there.
  let stdoutClosed = false;
  process.stdout.on('error', () => {
    stdoutClosed = true;
  });

  try {
    const values = parseFlags(flags, argv);
    logger = createStderrLogger(terminal, logLevel(stringFlag(values, 'log-level')), secrets);
    const context: CliContext = {
      messages,
      stdout: process.stdout,
      stdin: process.stdin,
      terminal,
      logger,
      env: process.env,
      secrets,
      signal: interrupts.signal,
      interruptedExitCode: interrupts.exitCode,
    };
    return await command.run(values, context);
  } catch (error) {
    const interrupted = interrupts.exitCode();
    if (interrupted !== undefined && isCancellation(error)) return interrupted;

    if (stdoutClosed || (error as NodeJS.ErrnoException).code === 'EPIPE') {
      logger.warn('stdout was closed before the output ended; stopping.');
      return ExitCode.failure;
    }

    const failure = classifyFailure(error);
    const message = redact(failure.message, secrets);
    logger.error(message, { code: failure.code });
    if (failure.code === 'internal' && error instanceof Error && error.stack !== undefined) {
      logger.debug(redact(error.stack, secrets));
    }
    if (command.protocol) {
      await messages.write(errorTraceMessage(message, failure.failureType, failure.code));
    }
    if (failure.code === 'invalid_input' && message.startsWith('The command line')) {
      terminal.line(`Run \`${PROGRAM} ${command.name} --help\` for its flags.`);
    }
    return interrupts.exitCode() ?? failure.exitCode;
  } finally {
    terminal.clearStatus();
    interrupts.dispose();
  }
}

function logLevel(flag: string | undefined): LogLevel {
  const chosen = flag ?? process.env['GROOVE_LOG_LEVEL'] ?? 'info';
  if (isLogLevel(chosen)) return chosen;
  const source = flag === undefined ? 'GROOVE_LOG_LEVEL' : '--log-level';
  throw flagError(source, `must be one of ${LOG_LEVELS.join(', ')}.`);
}
