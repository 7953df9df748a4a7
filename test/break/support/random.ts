/**
 * A small seeded generator (mulberry32), so that every scenario of the suite is reproduced
 * exactly by its seed: the same seed draws the same faults, abort points and inputs.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = (seed * 0x9e3779b1) >>> 0 || 1;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}

/** The seeds every seeded theme runs: at least 20, fixed so a failure names its seed. */
export const SEEDS: readonly number[] = Array.from({ length: 20 }, (_, index) => 101 + index * 7);
