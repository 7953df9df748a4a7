import { baselineRead, connectorRead, sourceConfig } from '../lib/clients';
import { measureOrExplain, type Figure } from '../lib/figure';
import type { BenchOptions } from '../lib/options';
import { withSandbox } from '../lib/sandbox-process';
import { fixed, megabytes, thousands } from '../lib/stats';
import type { ReadResult } from '../scenarios/baseline-read';

const RSS = 'Memory, peak RSS';
const HEAP = 'Memory, peak heap';
const RETAINED = 'Memory, retained heap';
const TARGET = '<= 1.10 (large ÷ small)';

/** Forced full collections per read, to see what the read holds as it goes. */
const SAMPLES_PER_READ = 20;

/**
 * Peak memory of a read of a small and of a large account (tickets stream only), each in a fresh
 * process: if the connector streams, the larger read needs no more memory than the smaller one.
 * The bare page loop's peaks are shown beside it for scale.
 */
export function measureMemory(options: BenchOptions): Promise<Figure[]> {
  const names = [RSS, HEAP, RETAINED].map((name) => ({ name, target: TARGET }));
  return measureOrExplain(names, async () => {
    const small = await readBoth(options, options.memorySmall);
    const large = await readBoth(options, options.memoryLarge);
    const sizes = `${thousands(options.memorySmall)} → ${thousands(options.memoryLarge)} tickets`;

    const figure = (name: string, how: string, peak: (run: ReadResult) => number): Figure => {
      const growth = peak(large.connector) / peak(small.connector);
      return {
        name,
        connector: `${megabytes(peak(small.connector))} → ${megabytes(peak(large.connector))}`,
        baseline: `${megabytes(peak(small.loop))} → ${megabytes(peak(large.loop))} (bare loop)`,
        ratio: fixed(growth),
        target: TARGET,
        verdict: growth <= 1.1 ? 'pass' : 'falls short',
        note:
          `${sizes}, tickets stream only, one fresh process per read; ${how}; ` +
          `bare loop ratio ${fixed(peak(large.loop) / peak(small.loop))}`,
      };
    };
    return [
      figure(
        RSS,
        'process.resourceUsage().maxRSS over the process life',
        (run) => run.cost.maxRssBytes,
      ),
      figure(HEAP, 'highest V8 used heap, sampled every 10 ms', (run) => run.cost.heapPeakBytes),
      figure(
        RETAINED,
        `highest used heap right after a full collection forced every ${SAMPLES_PER_READ}th of ` +
          'the read (in a read of its own): what the read holds, without the garbage V8 lets ' +
          'pile up between collections',
        (run) => run.cost.retainedPeakBytes,
      ),
    ];
  });
}

async function readBoth(
  options: BenchOptions,
  tickets: number,
): Promise<{ connector: ReadResult; loop: ReadResult }> {
  return withSandbox(
    { seed: options.seed, tickets, rateLimitPerMinute: 0, latencyMs: 0 },
    async (sandbox) => {
      const config = sourceConfig(['tickets'], 'full_refresh', 0);
      const retainedEvery = Math.max(1, Math.floor(tickets / SAMPLES_PER_READ));
      const connectorRun = (forceCollections: boolean) =>
        connectorRead(sandbox, forceCollections ? { config, retainedEvery } : { config });
      const loopRun = (forceCollections: boolean) =>
        baselineRead(
          sandbox,
          'page-loop',
          forceCollections ? { ticketsOnly: true, retainedEvery } : { ticketsOnly: true },
        );

      // Peaks come from reads left to V8's own collections; what is held, from separate reads
      // with forced collections, which would otherwise flatten the peaks.
      const connector = withRetained(
        (await connectorRun(false)).result,
        (await connectorRun(true)).result,
      );
      const loop = withRetained((await loopRun(false)).result, (await loopRun(true)).result);
      if (connector.records.tickets !== tickets) {
        throw new Error(`the connector read ${connector.records.tickets} of ${tickets} tickets`);
      }
      return { connector, loop };
    },
  );
}

function withRetained(natural: ReadResult, forced: ReadResult): ReadResult {
  return {
    ...natural,
    cost: { ...natural.cost, retainedPeakBytes: forced.cost.retainedPeakBytes },
  };
}
