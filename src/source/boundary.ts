import type { BoundaryEntry } from './state/state';
import { formatInstant, parseGrooveTime } from './timestamps';

/**
 * Most entries a boundary list keeps. It holds the records of the watermark's own second and
 * those changed while one scan ran: none or a handful in practice. Past this a record is not
 * remembered, so at worst it is emitted once more (never lost).
 */
export const BOUNDARY_LIMIT = 500;

/** Longest key kept (a primary key, or `ticket <number>`, `message <id>`). */
export const BOUNDARY_KEY_LENGTH = 300;

/**
 * A set of (record key, update time) pairs: the records at or after a watermark that were
 * already emitted. A record that changes again gets a new time, so it is no longer in the set.
 */
export class Boundary {
  private readonly times = new Map<string, number>();

  static from(entries: readonly BoundaryEntry[] | undefined): Boundary {
    const boundary = new Boundary();
    for (const entry of entries ?? []) {
      const time = parseGrooveTime(entry.at);
      if (time !== undefined) boundary.add(entry.key, time);
    }
    return boundary;
  }

  has(key: string, time: number): boolean {
    return this.times.has(pairOf(key, time));
  }

  add(key: string, time: number): void {
    if (this.times.size >= BOUNDARY_LIMIT || key.length > BOUNDARY_KEY_LENGTH) return;
    this.times.set(pairOf(key, time), time);
  }

  /** Forgets the entries older than `time`: they can no longer fall at or after the watermark. */
  dropBefore(time: number): void {
    for (const [pair, at] of this.times) if (at < time) this.times.delete(pair);
  }

  /** The entries at or after `time`, as state stores them. */
  entriesFrom(time: number): BoundaryEntry[] {
    const entries: BoundaryEntry[] = [];
    for (const [pair, at] of this.times) {
      if (at >= time)
        entries.push({ key: pair.slice(0, pair.lastIndexOf('\u0000')), at: formatInstant(at) });
    }
    return entries;
  }
}

function pairOf(key: string, time: number): string {
  return `${key}\u0000${time}`;
}
