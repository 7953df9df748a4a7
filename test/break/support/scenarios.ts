import type { FaultKind, FaultRule, FaultSpec } from '../../../src/sandbox';
import { PROXY_FAULTS, type ProxyAction, type ProxyPlan } from './fault-proxy';
import { SeededRandom } from './random';

/** A seed's faults: what the sandbox injects, and what the proxy in front of it does. */
export interface FaultScenario {
  seed: number;
  tickets: number;
  sandboxFaults: FaultSpec;
  /** Kinds the proxy draws from, and how often it injects one. */
  proxyKinds: readonly ProxyAction[];
  proxyRate: number;
  /** A seeded plan; each call to planFor() starts the same sequence again. */
  planFor(salt: number): ProxyPlan;
  describe(): string;
}

const SERVER_KINDS: readonly FaultKind[] = ['500', '502', '503', 'malformed', 'html', 'html-200'];
const CONNECTION_KINDS: readonly FaultKind[] = ['reset-before', 'reset-after'];

/**
 * Draws a mix of faults for `seed`. Rates stay low enough that a request meets fewer faults in
 * a row than the client's retries, so a read must finish; hangs are capped in number because
 * each costs a real client timeout.
 */
export function faultScenario(
  seed: number,
  options: { method?: string; allowShuffle?: boolean; meta?: boolean } = {},
): FaultScenario {
  const random = new SeededRandom(seed);
  const tickets = random.int(60, 90);
  const rules: FaultRule[] = [];
  const scope = options.method === undefined ? {} : { method: options.method };

  for (const kind of SERVER_KINDS) {
    if (random.chance(0.7)) rules.push({ kind, rate: 0.01 + random.next() * 0.03, ...scope });
  }
  for (const kind of CONNECTION_KINDS) {
    if (random.chance(0.8)) rules.push({ kind, rate: 0.01 + random.next() * 0.03, ...scope });
  }
  rules.push({ kind: 'hang', rate: 0.05, times: 1, ...scope });
  if (options.allowShuffle === true && random.chance(0.6)) {
    rules.push({ kind: 'shuffle', rate: 0.2 + random.next() * 0.3 });
  }

  const kinds = PROXY_FAULTS.filter(
    (kind) => (options.meta !== false || !kind.startsWith('meta-')) && random.chance(0.6),
  );
  const proxyKinds = kinds.length > 0 ? kinds : (['429'] as const);
  const proxyRate = 0.04 + random.next() * 0.06;
  const sandboxFaults: FaultSpec = { rules };

  return {
    seed,
    tickets,
    sandboxFaults,
    proxyKinds,
    proxyRate,
    planFor(salt) {
      const draws = new SeededRandom(seed * 1009 + salt);
      return (method) => {
        if (options.method !== undefined && method !== options.method) return 'pass';
        return draws.chance(proxyRate) ? draws.pick(proxyKinds) : 'pass';
      };
    },
    describe: () =>
      `seed ${seed}: ${tickets} tickets; sandbox ${rules.map((rule) => rule.kind).join(',')}; proxy ${proxyKinds.join(',')} at ${proxyRate.toFixed(2)}`,
  };
}

/** Whether a scenario moves tickets while they are read. */
export function changesData(scenario: FaultScenario): boolean {
  return (scenario.sandboxFaults.rules ?? []).some((rule) => rule.kind === 'shuffle');
}

/** The same faults without data changes (for the follow-up read of a changing scenario). */
export function withoutShuffle(spec: FaultSpec): FaultSpec {
  return { rules: (spec.rules ?? []).filter((rule) => rule.kind !== 'shuffle') };
}
