import { FaultSpecError, parseFaultSpec, parseLatency } from './fault-spec';
import { startSandbox } from './server';
import { resolveOptions } from './options';
import type { FaultSpec, Latency, SandboxOptions } from './types';

// `groove-connector sandbox [--port N] [--seed N] [--tickets N] [--rate-limit N]
// [--latency-ms N|MIN-MAX] [--faults SPEC]`: prints one JSON line with the URL and the tokens,
// then serves until SIGINT or SIGTERM. The --faults syntax is described in fault-spec.ts.

type Signal = 'SIGINT' | 'SIGTERM';

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where SIGINT and SIGTERM come from; the process by default. */
  signals?: {
    once(event: Signal, listener: () => void): unknown;
    removeListener(event: Signal, listener: () => void): unknown;
  };
}

export const SANDBOX_USAGE = `Usage: groove-connector sandbox [--port N] [--seed N] [--tickets N] [--rate-limit N] [--latency-ms N|MIN-MAX] [--faults SPEC]
Serves an offline Groove REST v1 on 127.0.0.1 and prints {"url":...,"tokens":{...}} on one line.
SPEC example: 500:0.1,reset-after:0.05,hang:0.01,malformed:0.05,html:0.02,latency:50-200,shuffle:0.1
`;

class UsageError extends Error {}

const NUMBER_FLAGS = {
  '--port': 'port',
  '--seed': 'seed',
  '--tickets': 'tickets',
  '--rate-limit': 'rateLimitPerMinute',
} as const;

/** Resolves with the exit code: 0 after a signal, 2 for bad arguments, 1 if it cannot start. */
export async function runSandboxCommand(
  args: readonly string[],
  io: CommandIo = { stdout: process.stdout, stderr: process.stderr, signals: process },
): Promise<number> {
  let options: SandboxOptions;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`groove-connector sandbox: ${error.message}\n${SANDBOX_USAGE}`);
    return 2;
  }
  if (args.includes('--help')) {
    io.stdout.write(SANDBOX_USAGE);
    return 0;
  }

  let sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    io.stderr.write(`groove-connector sandbox: could not start: ${reason}\n`);
    return 1;
  }
  io.stdout.write(`${JSON.stringify({ url: sandbox.url, tokens: sandbox.tokens })}\n`);

  const signals = io.signals ?? process;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      signals.removeListener('SIGINT', stop);
      signals.removeListener('SIGTERM', stop);
      resolve();
    };
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  await sandbox.close();
  return 0;
}

export function parseArguments(args: readonly string[]): SandboxOptions {
  const options: SandboxOptions = {};
  for (let position = 0; position < args.length; position++) {
    const arg = args[position] ?? '';
    if (arg === '--help') continue;
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    const value = inline ?? args[++position];
    if (!(flag in NUMBER_FLAGS) && flag !== '--latency-ms' && flag !== '--faults') {
      throw new UsageError(`unknown option ${flag}`);
    }
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);

    if (flag === '--faults') options.faults = faultsFrom(flag, value);
    else if (flag === '--latency-ms') options.latencyMs = latencyFrom(flag, value);
    else {
      const name = NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS];
      if (!/^\d+$/.test(value))
        throw new UsageError(`${flag} must be a whole number, got "${value}"`);
      options[name] = Number(value);
    }
  }
  checkRanges(options);
  return options;
}

function faultsFrom(flag: string, value: string): FaultSpec {
  try {
    return parseFaultSpec(value);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}

function latencyFrom(flag: string, value: string): Latency {
  try {
    return parseLatency(value);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}

/** Range checks live with the options; their messages are re-worded here in flag names. */
function checkRanges(options: SandboxOptions): void {
  try {
    resolveOptions(options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const entry = Object.entries(NUMBER_FLAGS).find(([, name]) =>
      error.message.includes(` ${name} `),
    );
    const flag = entry?.[0] ?? 'an option';
    throw new UsageError(`${flag} ${error.message.replace(/^.* must/, 'must')}`);
  }
}
