import type { LogFields, Logger } from '../logger';
import { redact } from '../secrets';
import type { StderrTerminal } from './terminal';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * The Logger the CLI injects: one line per event on stderr, at or above `level`. Callers pass
 * flat allow-listed fields (never headers or bodies); the key is masked anyway as a last defence.
 */
export function createStderrLogger(
  terminal: StderrTerminal,
  level: LogLevel,
  secrets: readonly string[],
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);

  const emit = (at: LogLevel, message: string, fields?: LogFields): void => {
    if (LOG_LEVELS.indexOf(at) < threshold) return;
    const text = `${new Date().toISOString()} ${at.toUpperCase()} ${message}${formatFields(fields)}`;
    terminal.line(redact(text, secrets));
  };

  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

function formatFields(fields: LogFields | undefined): string {
  if (fields === undefined) return '';
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const text = String(value);
      return `${name}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
    });
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}
