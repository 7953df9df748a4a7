import type { StderrTerminal } from './terminal';

const REDRAW_EVERY_MS = 250;

interface Counter {
  done: number;
  total?: number;
}

/**
 * The status line `read` and `write` keep on stderr when it is a terminal: counts per stream,
 * the rate, the requests spent, and how far along where a total is known. Redrawn at most four
 * times a second, so it costs nothing per record.
 */
export class Progress {
  private readonly counters = new Map<string, Counter>();
  private readonly startedAt: number;
  private lastDrawnAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly terminal: StderrTerminal,
    private readonly verb: string,
    private readonly requests: () => number | undefined = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  count(name: string, amount = 1): void {
    const counter = this.counterOf(name);
    counter.done += amount;
    this.redraw(false);
  }

  /** What Groove says the whole of `name` holds, for a percentage and an estimate. */
  total(name: string, total: number): void {
    this.counterOf(name).total = total;
    this.redraw(false);
  }

  /** The line as it stands, e.g. `reading · tickets 120/400 (30%) · 80/s · 12 requests · ~4s left`. */
  describe(): string {
    const elapsedSeconds = Math.max((this.now() - this.startedAt) / 1000, 0.001);
    const parts = [this.verb];
    let done = 0;
    let remaining = 0;
    for (const [name, counter] of this.counters) {
      done += counter.done;
      if (counter.total === undefined) {
        parts.push(`${name} ${format(counter.done)}`);
        continue;
      }
      const share = counter.total === 0 ? 100 : Math.min(100, (100 * counter.done) / counter.total);
      parts.push(
        `${name} ${format(counter.done)}/${format(counter.total)} (${Math.floor(share)}%)`,
      );
      remaining += Math.max(counter.total - counter.done, 0);
    }

    const rate = done / elapsedSeconds;
    parts.push(`${format(Math.round(rate))}/s`);
    const requests = this.requests();
    if (requests !== undefined)
      parts.push(`${format(requests)} request${requests === 1 ? '' : 's'}`);
    if (remaining > 0 && rate > 0) parts.push(`~${Math.ceil(remaining / rate)}s left`);
    return parts.join(' · ');
  }

  redraw(force: boolean): void {
    if (!this.terminal.interactive) return;
    const now = this.now();
    if (!force && now - this.lastDrawnAt < REDRAW_EVERY_MS) return;
    this.lastDrawnAt = now;
    this.terminal.status(this.describe());
  }

  finish(): void {
    this.terminal.clearStatus();
  }

  private counterOf(name: string): Counter {
    let counter = this.counters.get(name);
    if (counter === undefined) {
      counter = { done: 0 };
      this.counters.set(name, counter);
    }
    return counter;
  }
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}
