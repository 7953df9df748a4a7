import { runScenario } from '../lib/child';
import { tallied, type Tallied } from '../lib/clients';
import { measureOrExplain, type Figure } from '../lib/figure';
import type { BenchOptions } from '../lib/options';
import { withSandbox } from '../lib/sandbox-process';
import type { CreatedTally } from '../lib/sandbox-protocol';
import { fixed, thousands } from '../lib/stats';
import type { WriteInput, WriteResult } from '../scenarios/connector-write';

const NAME = 'Writes';
const TARGET = '>= 0.95 of R, 0 duplicates';

interface WriteRun extends Tallied<WriteResult> {
  inSandbox: CreatedTally;
}

/**
 * N ticket creates against a sandbox limited to R requests a minute: tickets created per
 * minute ÷ R, and duplicates counted in the sandbox afterwards (tickets of the run whose
 * subject marker appears more than once). The connector (its ceiling set to R) and the
 * fixed-sleep baseline run side by side, each against its own sandbox.
 */
export function measureWrites(options: BenchOptions): Promise<Figure[]> {
  return measureOrExplain([{ name: NAME, target: TARGET }], async () => {
    const [connector, sleeper] = await Promise.all([
      writeTickets(options, 'scenarios/connector-write'),
      writeTickets(options, 'scenarios/baseline-write'),
    ]);

    const use = (run: WriteRun): number =>
      (run.result.results['created'] ?? 0) / (run.result.cost.wallMs / 60_000) / options.rate;
    const duplicates = (run: WriteRun): number => run.inSandbox.tickets - run.inSandbox.distinct;
    const describe = (run: WriteRun): string =>
      `${fixed(use(run))} of R, ${duplicates(run)} duplicates`;
    const results = (run: WriteRun): string =>
      Object.entries(run.result.results)
        .map(([status, count]) => `${count} ${status}`)
        .join(', ');

    return [
      {
        name: NAME,
        connector: describe(connector),
        baseline: `${describe(sleeper)} (fixed sleeper)`,
        ratio: fixed(use(connector)),
        target: TARGET,
        verdict: use(connector) >= 0.95 && duplicates(connector) === 0 ? 'pass' : 'falls short',
        note:
          `${thousands(options.writes)} create_ticket records each, R = ${options.rate}/min, ` +
          `sandbox latency ${options.latencyMs} ms, connector requests_per_minute = ` +
          `${options.rate}; connector: ${results(connector)}, ${connector.requests.total} ` +
          `requests (${connector.requests.rateLimited} × 429) in ` +
          `${fixed(connector.result.cost.wallMs / 60_000)} min, the sandbox then held ` +
          `${connector.inSandbox.tickets} tickets of the run, ${connector.inSandbox.distinct} ` +
          `distinct; sleeper: ${results(sleeper)} in ${fixed(sleeper.result.cost.wallMs / 60_000)} min`,
      },
    ];
  });
}

function writeTickets(options: BenchOptions, scenario: string): Promise<WriteRun> {
  const sandboxOptions = {
    seed: options.seed,
    tickets: 100,
    rateLimitPerMinute: options.rate,
    latencyMs: options.latencyMs,
  };
  return withSandbox(sandboxOptions, async (sandbox) => {
    const input: WriteInput = {
      url: sandbox.url,
      apiKey: sandbox.adminToken,
      requestsPerMinute: options.rate,
      tickets: options.writes,
      subjectPrefix: `bench-write-${Date.now()}`,
      from: sandbox.customerEmail,
      to: sandbox.mailboxEmail,
    };
    const timeoutMs = (options.writes / options.rate) * 60_000 * 3 + 60_000;

    const run = await tallied(sandbox, () =>
      runScenario<WriteInput, WriteResult>(scenario, input, timeoutMs),
    );
    const inSandbox = await sandbox.send({
      command: 'created',
      subjectPrefix: input.subjectPrefix,
    });
    return { ...run, inSandbox };
  });
}
