import fs from 'node:fs';

import type { Figure } from './figure';
import type { Machine } from './machine';
import type { BenchOptions } from './options';
import { markdownTable } from './table';

export interface RunReport {
  figures: readonly Figure[];
  machine: Machine;
  options: BenchOptions;
  command: string;
  elapsedMs: number;
}

/** Writes bench/RESULTS.md: the figures, the machine, the date, and how to reproduce them. */
export function writeResults(path: string, report: RunReport): void {
  fs.writeFileSync(path, renderResults(report));
}

export function renderResults({
  figures,
  machine,
  options,
  command,
  elapsedMs,
}: RunReport): string {
  const notes = figures.map((figure, i) => `${i + 1}. **${figure.name}**: ${figure.note}`);
  return [
    '# Benchmark results',
    '',
    `Measured ${machine.date} by \`${command}\` (${(elapsedMs / 60_000).toFixed(1)} minutes).` +
      ' Every ratio compares the connector with a baseline measured beside it in the same run,' +
      ' against the sandbox on loopback; absolute times are context only.',
    '',
    markdownTable(figures),
    '',
    '## Notes',
    '',
    ...notes,
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Memory: ${machine.memory}`,
    `- OS: ${machine.os}`,
    `- Node.js: ${machine.node}`,
    `- Load average (1 min) at the start: ${machine.loadAverage}, on ${machine.cores} cores` +
      ' (other work on the machine slows both sides of a ratio alike, but adds noise)',
    '',
    '## Settings of this run',
    '',
    `- rate limit R = ${options.rate} requests per minute, paced reads and writes of` +
      ` ${options.rateMinutes} minutes, sandbox latency ${options.latencyMs} ms in those`,
    `- request counts over ${options.tickets} tickets; CPU over ${options.cpuTickets} tickets,` +
      ` ${options.cpuPairs} interleaved pairs; memory over ${options.memorySmall} and` +
      ` ${options.memoryLarge} tickets; ${options.writes} ticket creates; seed ${options.seed}`,
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm install',
    'npm run bench                 # everything, under ten minutes on two cores',
    'npm run bench -- --quick      # about two minutes, smaller data and 1-minute paced reads',
    'npm run bench -- --help       # every option',
    '```',
    '',
  ].join('\n');
}
