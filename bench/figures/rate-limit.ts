import { baselineRead, connectorRead, sourceConfig, type Tallied } from '../lib/clients';
import { measureOrExplain, type Figure } from '../lib/figure';
import type { BenchOptions } from '../lib/options';
import { withSandbox } from '../lib/sandbox-process';
import type { SandboxStart } from '../lib/sandbox-protocol';
import { fixed } from '../lib/stats';

const NAME = 'Rate-limit use';
const TARGET = '>= 0.95, 0 × 429';

/** Enough tickets that no paced read runs out of pages before its time is up. */
const PACED_TICKETS = 5_000;

/**
 * Each client reads tickets and messages for the same fixed time against its own sandbox,
 * limited to R requests a minute: the connector (its ceiling set to R, as a user would), the
 * fixed sleeper and the fast reader that backs off on 429. They run side by side: each waits on
 * its own limit, not on the CPU. Use = answered (2xx) requests per minute ÷ R.
 */
export function measureRateLimitUse(options: BenchOptions): Promise<Figure[]> {
  return measureOrExplain([{ name: NAME, target: TARGET }], async () => {
    const durationMs = options.rateMinutes * 60_000;
    const sandbox: SandboxStart = {
      seed: options.seed,
      tickets: PACED_TICKETS,
      rateLimitPerMinute: options.rate,
      latencyMs: options.latencyMs,
    };
    const reading = { ticketsOnly: false, durationMs };

    const [connector, sleeper, backoff] = await Promise.all([
      withSandbox(sandbox, (s) =>
        connectorRead(s, {
          config: sourceConfig(['tickets', 'messages'], 'full_refresh', options.rate),
          durationMs,
        }),
      ),
      withSandbox(sandbox, (s) =>
        baselineRead(s, 'fixed-sleeper', { ...reading, requestsPerMinute: options.rate }),
      ),
      withSandbox(sandbox, (s) => baselineRead(s, 'fast-backoff', reading)),
    ]);

    const use = (run: Tallied<unknown>): number =>
      run.requests.ok / options.rateMinutes / options.rate;
    const describe = (run: Tallied<unknown>): string =>
      `${fixed(use(run))}, ${run.requests.rateLimited} × 429`;
    const pass = use(connector) >= 0.95 && connector.requests.rateLimited === 0;

    return [
      {
        name: NAME,
        connector: describe(connector),
        baseline: `fixed sleeper ${describe(sleeper)}; fast + back-off ${describe(backoff)}`,
        ratio: fixed(use(connector)),
        target: TARGET,
        verdict: pass ? 'pass' : 'falls short',
        note:
          `R = ${options.rate}/min, ${options.rateMinutes} min each, sandbox latency ` +
          `${options.latencyMs} ms, its limit a fixed 60 s window per token opened by the first ` +
          `request; connector requests_per_minute = ${options.rate}; answered requests: connector ` +
          `${connector.requests.ok}, sleeper ${sleeper.requests.ok}, back-off ${backoff.requests.ok}` +
          (connector.requests.failed > 0
            ? `; connector failures ${connector.requests.failed}`
            : ''),
      },
    ];
  });
}
