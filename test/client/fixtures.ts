import type { Clock } from '../../src/client/clock';
import type { Credential } from '../../src/credential/validate-credential';
import type { LogFields, Logger } from '../../src/logger';

export const GROOVE = 'https://api.groovehq.com';
export const API_KEY = 'f3a9c2e81b7d4c5e9a0b1c2d3e4f5a6b';

export const credential: Credential = {
  credential_name: 'Support desk',
  api_key: API_KEY,
  api_base_url: GROOVE,
};

/** A clock whose sleeps return at once and move time forward by what was asked. */
export function manualClock(start = Date.UTC(2026, 11, 3, 12, 0, 0)): Clock & {
  sleeps: number[];
  advance(ms: number): void;
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

export interface LogLine {
  level: keyof Logger;
  message: string;
  fields: LogFields | undefined;
}

/** A logger that keeps every line, to assert on what is logged and what never is. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: keyof Logger) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, fields });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Runs a promise expected to reject and hands back what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

/** A socket error as Node raises it (nock 15 needs an Error instance, not a plain object). */
export function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

/** A timeout short enough for a test, long enough for nock to answer on a busy machine. */
export const SHORT_TIMEOUT_MS = 150;
/** A reply slower than SHORT_TIMEOUT_MS by far, for timeouts and cancellations. */
export const SLOW_REPLY_MS = 3000;
