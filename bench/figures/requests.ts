import { baselineRead, connectorRead, sourceConfig } from '../lib/clients';
import { measureOrExplain, type Figure } from '../lib/figure';
import type { BenchOptions } from '../lib/options';
import { withSandbox } from '../lib/sandbox-process';
import { fixed, ratio, thousands } from '../lib/stats';

const FULL = 'Requests, full read';
const INCREMENTAL = 'Requests, incremental (1 % changed)';
const TARGET = '1.00 of minimum';

/** One ticket in a hundred changes between the full read and the incremental one. */
const CHANGE_EVERY = 100;

/**
 * Requests spent reading tickets and their messages, over the least possible: the sum of
 * ceil(count / 50) over every list read, computed from the sandbox's own data. First a full
 * read, then an incremental read after 1 % of the tickets got a new message; beside the page
 * loop, which re-reads everything both times.
 */
export function measureRequests(options: BenchOptions): Promise<Figure[]> {
  const names = [FULL, INCREMENTAL].map((name) => ({ name, target: TARGET }));
  return measureOrExplain(names, () =>
    withSandbox(
      { seed: options.seed, tickets: options.tickets, rateLimitPerMinute: 0, latencyMs: 0 },
      async (sandbox) => {
        const config = sourceConfig(['tickets', 'messages'], 'incremental', 0);
        const minimum = await sandbox.send({ command: 'minimum' });
        const fullMinimum = minimum.ticketPages + minimum.messagePages;

        const connector = await connectorRead(sandbox, { config });
        const loop = await baselineRead(sandbox, 'page-loop', { ticketsOnly: false });

        const { changed } = await sandbox.send({ command: 'change', every: CHANGE_EVERY });
        const changedMinimum = await sandbox.send({ command: 'minimum', ticketNumbers: changed });
        const incrementalMinimum = changedMinimum.ticketPages + changedMinimum.messagePages;

        const again = await connectorRead(sandbox, { config, state: connector.result.state });
        const loopAgain = await baselineRead(sandbox, 'page-loop', { ticketsOnly: false });

        const sameRecords =
          connector.result.records.tickets === loop.result.records.tickets &&
          connector.result.records.messages === loop.result.records.messages;
        const records = (r: { tickets: number; messages: number }): string =>
          `${thousands(r.tickets)} tickets + ${thousands(r.messages)} messages`;

        return [
          {
            name: FULL,
            connector: `${thousands(connector.requests.total)} requests`,
            baseline: `${thousands(loop.requests.total)} (page loop, ${fixed(ratio(loop.requests.total, fullMinimum))})`,
            ratio: fixed(ratio(connector.requests.total, fullMinimum)),
            target: TARGET,
            verdict: connector.requests.total <= fullMinimum ? 'pass' : 'falls short',
            note:
              `${thousands(options.tickets)} tickets; minimum ${thousands(fullMinimum)} = ` +
              `${minimum.ticketPages} ticket pages + ${thousands(minimum.messagePages)} message pages ` +
              `(${thousands(minimum.ticketsWithoutMessages)} tickets have no message: 0 pages each); ` +
              `connector ${connector.requests.ticketPages} ticket pages + ` +
              `${thousands(connector.requests.messagePages)} message pages + ${connector.requests.other} other; ` +
              `read ${records(connector.result.records)}` +
              (sameRecords
                ? ', as the page loop did'
                : `; the page loop read ${records(loop.result.records)}`),
          },
          {
            name: INCREMENTAL,
            connector: `${thousands(again.requests.total)} requests`,
            baseline: `${thousands(loopAgain.requests.total)} (naive re-read, ${fixed(ratio(loopAgain.requests.total, incrementalMinimum))})`,
            ratio: fixed(ratio(again.requests.total, incrementalMinimum)),
            target: TARGET,
            verdict: again.requests.total <= incrementalMinimum ? 'pass' : 'falls short',
            note:
              `${changed.length} tickets got a new message through the sandbox's API; minimum ` +
              `${thousands(incrementalMinimum)} = ${changedMinimum.ticketPages} ticket pages + ` +
              `${changedMinimum.messagePages} message pages of the changed tickets; connector ` +
              `${again.requests.ticketPages} ticket pages + ${again.requests.messagePages} message ` +
              `pages + ${again.requests.other} other, emitting ${records(again.result.records)}`,
          },
        ];
      },
    ),
  );
}
