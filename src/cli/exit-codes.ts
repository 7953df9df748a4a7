/**
 * The exit codes of `groove-connector`, documented in the README. Scripts and engines branch
 * on them, so they never change meaning.
 */
export const ExitCode = {
  /** The command did all it was asked. */
  success: 0,
  /** A runtime failure: Groove or the network failed, or something unexpected happened. */
  failure: 1,
  /** A configuration error: bad flags or files, an invalid form, a key Groove rejected. */
  configuration: 2,
  /** `write` finished, but some records failed or their outcome is unknown (see the results). */
  someRecordsFailed: 3,
  /** Stopped by SIGINT (Ctrl-C), after flushing; 128 + the signal's number, as shells do. */
  interruptedBySigint: 130,
  /** Stopped by SIGTERM, after flushing. */
  interruptedBySigterm: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
