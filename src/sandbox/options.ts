import type { SandboxOptions } from './types';

// Checks the start options once, so a bad size or port fails at start with the option's name.

export interface Settings {
  port: number;
  seed: number;
  tickets: number;
  customers: number;
  rateLimitPerMinute: number;
  rateLimitHeaders: boolean;
  logLimit: number;
  clock: () => number;
}

export const DEFAULT_TICKETS = 500;
/** Message ids encode ticket * 1024 + position in 32 bits (see messages.ts). */
export const MAX_TICKETS = 4_000_000;

export function resolveOptions(options: SandboxOptions): Settings {
  const tickets = integer('tickets', options.tickets ?? DEFAULT_TICKETS, 1, MAX_TICKETS);
  return {
    port: integer('port', options.port ?? 0, 0, 65_535),
    seed: integer('seed', options.seed ?? 1, 0, 0xffffffff),
    tickets,
    customers: integer(
      'customers',
      options.customers ?? Math.max(20, Math.floor(tickets / 5)),
      1,
      MAX_TICKETS,
    ),
    rateLimitPerMinute: integer(
      'rateLimitPerMinute',
      options.rateLimitPerMinute ?? 0,
      0,
      1_000_000,
    ),
    rateLimitHeaders: options.rateLimitHeaders ?? false,
    logLimit: integer('logLimit', options.logLimit ?? 10_000, 1, 10_000_000),
    clock: options.clock ?? Date.now,
  };
}

function integer(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`sandbox option ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
