import { baselineRead, connectorRead, sourceConfig } from '../lib/clients';
import { measureOrExplain, type Figure } from '../lib/figure';
import type { BenchOptions } from '../lib/options';
import { withSandbox } from '../lib/sandbox-process';
import { fixed, median, ratio, thousands } from '../lib/stats';
import type { ReadResult } from '../scenarios/baseline-read';

const NAME = 'CPU per record';
const TARGET = '>= 0.80 of bare loop';

/**
 * The connector's own cost per record: records per second of its read over those of the bare
 * axios page loop reading the same tickets, in runs that alternate (connector, loop, connector,
 * loop...) after one unmeasured warm-up of each, so that drift on the machine hits both alike.
 * Also CPU milliseconds per 1,000 records of the client process alone. Both read the sandbox's
 * ticket pages replayed byte for byte from memory in the sandbox's process (replay-server.ts):
 * the sandbox builds a page in about 20 ms, which would hide any client cost behind its own.
 */
export function measureCpu(options: BenchOptions): Promise<Figure[]> {
  return measureOrExplain([{ name: NAME, target: TARGET }], () =>
    withSandbox(
      { seed: options.seed, tickets: options.cpuTickets, rateLimitPerMinute: 0, latencyMs: 0 },
      async (sandbox) => {
        const { url } = await sandbox.send({ command: 'replay' });
        const config = sourceConfig(['tickets'], 'full_refresh', 0);
        const connector = async (): Promise<ReadResult> =>
          (await connectorRead(sandbox, { config }, url)).result;
        const loop = async (): Promise<ReadResult> =>
          (await baselineRead(sandbox, 'page-loop', { ticketsOnly: true }, url)).result;

        await connector();
        await loop();
        const connectorRuns: ReadResult[] = [];
        const loopRuns: ReadResult[] = [];
        for (let pair = 0; pair < options.cpuPairs; pair++) {
          connectorRuns.push(await connector());
          loopRuns.push(await loop());
        }

        // Steady state: from each read's first record to its last, so the fixed cost of a read
        // (form validation, schema compilation, the first request) is reported apart.
        const perSecond = (run: ReadResult): number =>
          run.cost.steady.records / (run.cost.steady.wallMs / 1000);
        const cpuPerThousand = (run: ReadResult): number =>
          (run.cost.steady.cpuMs / run.cost.steady.records) * 1000;
        const wholeRead = (run: ReadResult): number =>
          run.records.tickets / (run.cost.wallMs / 1000);
        const pairs = connectorRuns.map((run, i) => ({ connector: run, loop: loopRuns[i] }));
        const pairRatio = (measure: (run: ReadResult) => number): number =>
          median(
            pairs.map((pair) =>
              pair.loop ? ratio(measure(pair.connector), measure(pair.loop)) : NaN,
            ),
          );
        const medianOf = (runs: ReadResult[], measure: (run: ReadResult) => number): number =>
          median(runs.map(measure));

        const speed = pairRatio(perSecond);
        const expected = options.cpuTickets;
        const short = [...connectorRuns, ...loopRuns].filter(
          (run) => run.records.tickets !== expected,
        );
        const describe = (runs: ReadResult[]): string =>
          `${thousands(medianOf(runs, perSecond))} rec/s, ` +
          `${fixed(medianOf(runs, cpuPerThousand), 1)} CPU ms/1k`;

        return [
          {
            name: NAME,
            connector: describe(connectorRuns),
            baseline: `${describe(loopRuns)} (bare loop)`,
            ratio: fixed(speed),
            target: TARGET,
            verdict: speed >= 0.8 ? 'pass' : 'falls short',
            note:
              `tickets stream only, ${thousands(expected)} tickets per run, served byte for byte ` +
              `from a recording of the sandbox's pages (no limit, no latency); ${options.cpuPairs} ` +
              `alternating pairs after a warm-up; ratio = median of the pairs' ratios; records/s ` +
              `and CPU (user + system of the client process) from the first record to the last; ` +
              `CPU ms/1k ratio connector/loop ${fixed(pairRatio(cpuPerThousand))}; whole read ` +
              `including set-up: ${thousands(medianOf(connectorRuns, wholeRead))} vs ` +
              `${thousands(medianOf(loopRuns, wholeRead))} rec/s (ratio ${fixed(pairRatio(wholeRead))}); ` +
              `first record after ${fixed(
                medianOf(connectorRuns, (run) => run.cost.firstRecordMs),
                0,
              )} ms ` +
              `vs ${fixed(
                medianOf(loopRuns, (run) => run.cost.firstRecordMs),
                0,
              )} ms` +
              (short.length > 0 ? `; ${short.length} runs read a different number of tickets` : ''),
          },
        ];
      },
    ),
  );
}
