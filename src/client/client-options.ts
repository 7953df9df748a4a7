import { InvalidInputError, type FieldIssue } from '../errors';
import { quietLogger, type Logger } from '../logger';
import { systemClock, type Clock } from './clock';
import type { ClientOptions } from './types';

/**
 * Groove documents no rate limit for v1; third-party code that ran against it stays near 30
 * requests a minute (reference/groove-api.md §9, §13.1), so that is the safe default.
 */
export const DEFAULT_REQUESTS_PER_MINUTE = 30;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 4;
/** A Retry-After longer than this fails fast with RateLimitedError instead of sleeping. */
export const DEFAULT_MAX_WAIT_MS = 120_000;

export interface ResolvedOptions {
  requestsPerMinute: number;
  timeoutMs: number;
  maxRetries: number;
  maxWaitMs: number;
  signal: AbortSignal | undefined;
  logger: Logger;
  clock: Clock;
  random: () => number;
}

const NUMBER_OPTIONS = [
  ['requestsPerMinute', 'Requests per minute', DEFAULT_REQUESTS_PER_MINUTE, 0],
  ['timeoutMs', 'Request timeout', DEFAULT_TIMEOUT_MS, 1],
  ['maxRetries', 'Maximum retries', DEFAULT_MAX_RETRIES, 0],
  ['maxWaitMs', 'Longest wait', DEFAULT_MAX_WAIT_MS, 0],
] as const;

/** Fills in defaults; a number that is negative, fractional or not finite is refused by name. */
export function resolveClientOptions(options: ClientOptions): ResolvedOptions {
  const issues: FieldIssue[] = [];
  const numbers: Record<string, number> = {};

  for (const [field, label, fallback, minimum] of NUMBER_OPTIONS) {
    const value = options[field] ?? fallback;
    if (!Number.isSafeInteger(value) || value < minimum) {
      issues.push({
        field,
        label,
        message: `${label} must be a whole number of at least ${minimum}.`,
      });
    }
    numbers[field] = value;
  }
  if (issues.length > 0) throw new InvalidInputError('client configuration', issues);

  return {
    requestsPerMinute: numbers['requestsPerMinute'] ?? DEFAULT_REQUESTS_PER_MINUTE,
    timeoutMs: numbers['timeoutMs'] ?? DEFAULT_TIMEOUT_MS,
    maxRetries: numbers['maxRetries'] ?? DEFAULT_MAX_RETRIES,
    maxWaitMs: numbers['maxWaitMs'] ?? DEFAULT_MAX_WAIT_MS,
    signal: options.signal,
    logger: options.logger ?? quietLogger,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
  };
}
