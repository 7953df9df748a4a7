import type { FaultKind, FaultRule, FaultSpec, Latency } from './types';

/**
 * The --faults text, a comma-separated list of items:
 *
 *   latency:MS | latency:MIN-MAX          added to every request (jitter drawn from the seed)
 *   KIND:RATE[xTIMES][@[METHOD][PATH]]    a fault on a fraction of the matching requests
 *
 * KIND is 500, 502, 503, reset-before (alias reset), reset-after, hang, malformed, html,
 * html-200 or shuffle. RATE is 0..1. xTIMES stops the rule after that many faults. @ selects:
 * a method (GET, POST, PUT), a path prefix starting with /v1 (end it with $ for an exact
 * path), or both, e.g. `reset-after:1x1@POST/v1/tickets$`, `503:0.2@/v1/customers`.
 *
 * Example: `500:0.1,reset-after:0.05,hang:0.01,malformed:0.05,html:0.02,latency:50-200,shuffle:0.1`
 */
export const FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '502',
  '503',
  'reset-before',
  'reset-after',
  'hang',
  'malformed',
  'html',
  'html-200',
  'shuffle',
];

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

const ITEM = /^([a-z0-9-]+):([0-9.]+)(?:x(\d+))?(?:@([A-Z]+)?(\/\S*)?)?$/;

export function parseFaultSpec(text: string): FaultSpec {
  const rules: FaultRule[] = [];
  let latencyMs: Latency | undefined;

  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    if (item.startsWith('latency:')) {
      latencyMs = parseLatency(item.slice('latency:'.length), item);
      continue;
    }
    const match = ITEM.exec(item);
    if (match === null)
      throw new FaultSpecError(`"${item}" is not KIND:RATE[xTIMES][@METHOD/PATH]`);
    const [, name = '', rateText = '', times, method, path] = match;
    const kind = (name === 'reset' ? 'reset-before' : name) as FaultKind;
    if (!FAULT_KINDS.includes(kind)) {
      throw new FaultSpecError(`"${name}" is not a fault kind (${FAULT_KINDS.join(', ')})`);
    }
    const rate = Number(rateText);
    if (!(rate >= 0 && rate <= 1))
      throw new FaultSpecError(`"${item}": the rate must be between 0 and 1`);

    const rule: FaultRule = { kind, rate };
    if (times !== undefined) rule.times = Number(times);
    if (method !== undefined) rule.method = method;
    if (path !== undefined)
      rule.path = path.endsWith('$') ? new RegExp(`^${escapeRegExp(path.slice(0, -1))}$`) : path;
    rules.push(rule);
  }
  return latencyMs === undefined ? { rules } : { latencyMs, rules };
}

export function parseLatency(text: string, item = text): Latency {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (match === null) throw new FaultSpecError(`"${item}": latency is MS or MIN-MAX milliseconds`);
  const min = Number(match[1]);
  const max = match[2] === undefined ? undefined : Number(match[2]);
  if (max === undefined) return min;
  if (max < min) throw new FaultSpecError(`"${item}": the latency range must go from low to high`);
  return { min, max };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
