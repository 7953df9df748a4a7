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

        const perSecond = (runs: ReadResult[]): number =>
          median(runs.map((run) => run.records.tickets / (run.cost.wallMs / 1000)));
        const cpuPerThousand = (runs: ReadResult[]): number =>
          median(runs.map((run) => (run.cost.cpuMs / run.records.tickets) * 1000));
        const speed = ratio(perSecond(connectorRuns), perSecond(loopRuns));
        const expected = options.cpuTickets;
        const short = [...connectorRuns, ...loopRuns].filter(
          (run) => run.records.tickets !== expected,
        );

        return [
          {
            name: NAME,
            connector: `${thousands(perSecond(connectorRuns))} rec/s, ${fixed(cpuPerThousand(connectorRuns), 1)} CPU ms/1k`,
            baseline: `${thousands(perSecond(loopRuns))} rec/s, ${fixed(cpuPerThousand(loopRuns), 1)} CPU ms/1k (bare loop)`,
            ratio: fixed(speed),
            target: TARGET,
            verdict: speed >= 0.8 ? 'pass' : 'falls short',
            note:
              `tickets stream only, ${thousands(expected)} tickets per run, served byte for byte ` +
              `from a recording of the sandbox's pages (no limit, no latency); ${options.cpuPairs} ` +
              `alternating pairs after a warm-up, medians; CPU = user + system of the client ` +
              `process over the read; CPU ratio connector/loop ` +
              `${fixed(cpuPerThousand(connectorRuns) / cpuPerThousand(loopRuns))}` +
              (short.length > 0 ? `; ${short.length} runs read a different number of tickets` : ''),
          },
        ];
      },
    ),
  );
}
