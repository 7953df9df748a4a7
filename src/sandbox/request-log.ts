import type { RequestLogEntry } from './types';

/** The newest entries, bounded so a long benchmark does not grow the sandbox's memory. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private total = 0;

  constructor(private readonly limit: number) {}

  get all(): readonly RequestLogEntry[] {
    return this.entries;
  }

  /** Every request seen since start, including the ones no longer kept. */
  get count(): number {
    return this.total;
  }

  add(entry: RequestLogEntry): void {
    this.total++;
    this.entries.push(entry);
    if (this.entries.length > this.limit * 2) this.entries = this.entries.slice(-this.limit);
  }

  clear(): void {
    this.entries = [];
  }
}
