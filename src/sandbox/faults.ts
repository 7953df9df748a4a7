import { Random, STREAM } from './random';
import type { FaultKind, FaultRule, FaultSpec, Latency } from './types';

// Decides, per request, which fault (if any) applies. A rule's n-th matching request always
// gets the same draw for the same seed, so a seed reproduces a fault sequence exactly.

export interface FaultDecision {
  /** The one fault that changes how the request is answered, if any. */
  fault: Exclude<FaultKind, 'shuffle'> | null;
  /** Move a ticket to the front before serving a ticket list. */
  shuffle: boolean;
  delayMs: number;
}

interface RuleState {
  rule: FaultRule;
  matched: number;
  applied: number;
}

export class FaultInjector {
  private rules: RuleState[] = [];
  private latency: Latency | undefined;
  private requests = 0;

  constructor(
    private readonly seed: number,
    private readonly baseLatency: Latency | undefined,
    spec: FaultSpec | undefined,
  ) {
    this.set(spec ?? {});
  }

  /** Replaces the faults; counters start again, so a test run is reproducible from here. */
  set(spec: FaultSpec): void {
    this.rules = (spec.rules ?? []).map((rule) => ({ rule, matched: 0, applied: 0 }));
    this.latency = spec.latencyMs;
    this.requests = 0;
  }

  decide(method: string, path: string): FaultDecision {
    const request = this.requests++;
    let fault: FaultDecision['fault'] = null;
    let shuffle = false;

    this.rules.forEach((state, position) => {
      const { rule } = state;
      if (!matches(rule, method, path)) return;
      if (rule.kind === 'shuffle' && !(method === 'GET' && path === '/v1/tickets')) return;
      if (rule.kind !== 'shuffle' && fault !== null) return;
      if (rule.times !== undefined && state.applied >= rule.times) return;

      const draw = new Random(this.seed, STREAM.fault, position, state.matched++).next();
      if (draw >= rule.rate) return;
      state.applied++;
      if (rule.kind === 'shuffle') shuffle = true;
      else fault = rule.kind;
    });

    return { fault, shuffle, delayMs: this.delay(request) };
  }

  private delay(request: number): number {
    const base = drawLatency(this.baseLatency, this.seed, -1, request);
    return base + drawLatency(this.latency, this.seed, -2, request);
  }
}

function drawLatency(
  latency: Latency | undefined,
  seed: number,
  salt: number,
  request: number,
): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  return new Random(seed, STREAM.latency, salt, request).int(latency.min, latency.max);
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(path);
}
