import { measureCpu } from './figures/cpu';
import { measureMemory } from './figures/memory';
import { measureRateLimitUse } from './figures/rate-limit';
import { measureRequests } from './figures/requests';
import { measureStartup } from './figures/startup';
import { measureWrites } from './figures/writes';
import { measureOrExplain, type Figure } from './lib/figure';
import { describeMachine } from './lib/machine';
import { parseOptions, USAGE, type BenchOptions, type FigureName } from './lib/options';
import { writeResults } from './lib/results-md';
import { textTable } from './lib/table';

/**
 * `npm run bench`: every figure of the benchmark, each a ratio against a baseline measured in
 * the same run. Two phases keep it under ten minutes on two cores without blurring a figure:
 * 1. Side by side: the paced figures (rate-limit use, writes), which wait on a rate limit with
 *    the CPU nearly idle, each against its own sandbox; beside them, one after the other, the
 *    figures that count (requests) or take peaks (memory), which no neighbour can change.
 * 2. Alone: the figures that time CPU work (CPU per record, start-up).
 */
async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const options = parsed;
  const startedAt = Date.now();
  const machine = describeMachine(new Date(startedAt));
  const wanted = (name: FigureName): boolean => options.figures.includes(name);

  const none = async (): Promise<Figure[]> => [];
  const [rate, writes, counted] = await Promise.all([
    wanted('rate') ? step('rate-limit use', () => measureRateLimitUse(options)) : none(),
    wanted('writes') ? step('writes', () => measureWrites(options)) : none(),
    (async () => [
      ...(wanted('requests') ? await step('requests', () => measureRequests(options)) : []),
      ...(wanted('memory') ? await step('memory', () => measureMemory(options)) : []),
    ])(),
  ]);
  const cpu = wanted('cpu') ? await step('CPU', () => measureCpu(options)) : [];
  const startup = wanted('startup') ? await step('start-up', () => runStartup(options)) : [];

  const requests = counted.filter((figure) => figure.name.startsWith('Requests'));
  const memory = counted.filter((figure) => !figure.name.startsWith('Requests'));
  const figures = [...requests, ...rate, ...cpu, ...memory, ...startup, ...writes];

  const elapsedMs = Date.now() - startedAt;
  console.log(`\n${textTable(figures)}\n`);
  const command = ['npm run bench', ...process.argv.slice(2)].join(' ');
  writeResults(options.resultsPath, { figures, machine, options, command, elapsedMs });
  console.log(`Wrote ${options.resultsPath} (${(elapsedMs / 60_000).toFixed(1)} minutes).`);
}

function runStartup(options: BenchOptions): Promise<Figure[]> {
  return measureOrExplain([{ name: 'Start-up', target: 'none set' }], () =>
    measureStartup(options.startupRuns),
  );
}

async function step(label: string, measure: () => Promise<Figure[]>): Promise<Figure[]> {
  const startedAt = Date.now();
  console.error(`bench: ${label}...`);
  const figures = await measure();
  console.error(`bench: ${label} done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return figures;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
