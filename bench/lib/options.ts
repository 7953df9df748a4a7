import path from 'node:path';
import { parseArgs } from 'node:util';

import { RESULTS_PATH } from './paths';

export const FIGURE_NAMES = ['requests', 'rate', 'cpu', 'memory', 'startup', 'writes'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export interface BenchOptions {
  figures: readonly FigureName[];
  quick: boolean;
  /** Sandbox rate limit R, requests per minute, for the rate-limit and write figures. */
  rate: number;
  /** How long each paced read lasts. */
  rateMinutes: number;
  /** Latency the sandbox adds to every request in the paced figures (Groove is not on loopback). */
  latencyMs: number;
  /** Tickets in the sandbox for the request-count figures. */
  tickets: number;
  /** Tickets read per CPU run, and the number of interleaved connector/baseline pairs. */
  cpuTickets: number;
  cpuPairs: number;
  memorySmall: number;
  memoryLarge: number;
  startupRuns: number;
  /** Tickets created by the write figure; default R x rateMinutes. */
  writes: number;
  seed: number;
  resultsPath: string;
}

export const USAGE = `npm run bench [-- options]

  --quick              a shorter run (about 2 minutes): smaller data, 1-minute paced reads
  --only LIST          comma-separated figures: ${FIGURE_NAMES.join(',')}
  --rate R             sandbox rate limit, requests per minute (default 120)
  --rate-minutes M     length of each paced read and of the write run (default 2)
  --latency-ms L       latency added by the sandbox in the paced figures (default 100)
  --tickets N          tickets for the request-count figures (default 2000)
  --cpu-tickets N      tickets per CPU run (default 20000); --cpu-pairs K runs of each (default 5)
  --memory-small N     --memory-large N   tickets of the two memory reads (default 20000, 200000)
  --writes N           tickets created by the write figure (default R x rate-minutes)
  --seed N             sandbox seed (default 1)
  --results PATH       where to write the Markdown results (default bench/RESULTS.md)
`;

export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      rate: { type: 'string' },
      'rate-minutes': { type: 'string' },
      'latency-ms': { type: 'string' },
      tickets: { type: 'string' },
      'cpu-tickets': { type: 'string' },
      'cpu-pairs': { type: 'string' },
      'memory-small': { type: 'string' },
      'memory-large': { type: 'string' },
      writes: { type: 'string' },
      seed: { type: 'string' },
      results: { type: 'string' },
    },
  });
  if (values.help) return 'help';

  const quick = values.quick === true;
  const number = (
    name: string,
    text: string | undefined,
    normal: number,
    short: number,
  ): number => {
    if (text === undefined) return quick ? short : normal;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };

  const rate = number('rate', values.rate, 120, 120);
  const rateMinutes = number('rate-minutes', values['rate-minutes'], 2, 1);
  return {
    figures: parseFigures(values.only),
    quick,
    rate,
    rateMinutes,
    latencyMs: number('latency-ms', values['latency-ms'], 100, 100),
    tickets: number('tickets', values.tickets, 2000, 500),
    cpuTickets: number('cpu-tickets', values['cpu-tickets'], 20_000, 5_000),
    cpuPairs: number('cpu-pairs', values['cpu-pairs'], 5, 2),
    memorySmall: number('memory-small', values['memory-small'], 20_000, 5_000),
    memoryLarge: number('memory-large', values['memory-large'], 200_000, 50_000),
    startupRuns: quick ? 3 : 7,
    writes: number(
      'writes',
      values.writes,
      Math.round(rate * rateMinutes),
      Math.round(rate * rateMinutes),
    ),
    seed: number('seed', values.seed, 1, 1),
    resultsPath: values.results === undefined ? RESULTS_PATH : path.resolve(values.results),
  };
}

function parseFigures(only: string | undefined): readonly FigureName[] {
  if (only === undefined) return FIGURE_NAMES;
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(FIGURE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only: unknown figure ${unknown.join(', ')}`);
  return names as FigureName[];
}
