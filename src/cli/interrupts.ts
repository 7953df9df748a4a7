import { ExitCode, type ExitCodeValue } from './exit-codes';

const EXIT_CODE_OF = {
  SIGINT: ExitCode.interruptedBySigint,
  SIGTERM: ExitCode.interruptedBySigterm,
};

type InterruptSignal = keyof typeof EXIT_CODE_OF;

export interface Interrupts {
  /** Aborted on the first SIGINT or SIGTERM: commands stop, flush and print a final state. */
  readonly signal: AbortSignal;
  /** The exit code the signal calls for, once one came. */
  exitCode(): ExitCodeValue | undefined;
  dispose(): void;
}

/**
 * Turns SIGINT/SIGTERM into an abort so commands can stop cleanly. A second signal means the
 * person is done waiting: exit at once with the same code.
 */
export function listenForInterrupts(onFirst: (signal: InterruptSignal) => void): Interrupts {
  const controller = new AbortController();
  let received: InterruptSignal | undefined;

  const handle = (signal: InterruptSignal): void => {
    if (received !== undefined) process.exit(EXIT_CODE_OF[received]);
    received = signal;
    onFirst(signal);
    controller.abort();
  };
  const onSigint = (): void => handle('SIGINT');
  const onSigterm = (): void => handle('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);

  return {
    signal: controller.signal,
    exitCode: () => (received === undefined ? undefined : EXIT_CODE_OF[received]),
    dispose: () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}
