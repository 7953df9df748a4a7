import { runScenario } from '../lib/child';
import { tallied } from '../lib/clients';
import { measureOrExplain, type Figure } from '../lib/figure';
import type { BenchOptions } from '../lib/options';
import { withSandbox } from '../lib/sandbox-process';
import { fixed, thousands } from '../lib/stats';
import type { ConnectorWriteInput, ConnectorWriteResult } from '../scenarios/connector-write';

const NAME = 'Writes';
const TARGET = '>= 0.95 of R, 0 duplicates';

/**
 * N ticket creates through the connector against a sandbox limited to R requests a minute:
 * tickets created per minute ÷ R, and duplicates counted in the sandbox afterwards (tickets of
 * this run whose subject marker appears more than once).
 */
export function measureWrites(options: BenchOptions): Promise<Figure[]> {
  return measureOrExplain([{ name: NAME, target: TARGET }], () =>
    withSandbox(
      {
        seed: options.seed,
        tickets: 100,
        rateLimitPerMinute: options.rate,
        latencyMs: options.latencyMs,
      },
      async (sandbox) => {
        const subjectPrefix = `bench-write-${Date.now()}`;
        const input: ConnectorWriteInput = {
          url: sandbox.url,
          apiKey: sandbox.adminToken,
          requestsPerMinute: options.rate,
          tickets: options.writes,
          subjectPrefix,
          from: sandbox.customerEmail,
          to: sandbox.mailboxEmail,
        };
        const timeoutMs = (options.writes / options.rate) * 60_000 * 3 + 60_000;

        const run = await tallied(sandbox, () =>
          runScenario<ConnectorWriteInput, ConnectorWriteResult>(
            'scenarios/connector-write',
            input,
            timeoutMs,
          ),
        );
        const created = await sandbox.send({ command: 'created', subjectPrefix });

        const minutes = run.result.cost.wallMs / 60_000;
        const createdResults = run.result.results['created'] ?? 0;
        const use = createdResults / minutes / options.rate;
        const duplicates = created.tickets - created.distinct;
        const pass = use >= 0.95 && duplicates === 0;
        const byStatus = Object.entries(run.result.results)
          .map(([status, count]) => `${count} ${status}`)
          .join(', ');

        return [
          {
            name: NAME,
            connector: `${fixed(use)} of R, ${duplicates} duplicates`,
            baseline: '-',
            ratio: fixed(use),
            target: TARGET,
            verdict: pass ? 'pass' : 'falls short',
            note:
              `${thousands(options.writes)} create_ticket records, R = ${options.rate}/min, ` +
              `sandbox latency ${options.latencyMs} ms, connector requests_per_minute = ` +
              `${options.rate}; results: ${byStatus}; ${run.requests.total} requests ` +
              `(${run.requests.rateLimited} × 429) in ${fixed(minutes)} min; the sandbox then held ` +
              `${created.tickets} tickets of this run, ${created.distinct} distinct`,
          },
        ];
      },
    ),
  );
}
