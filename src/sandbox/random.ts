// Seeded randomness: every generated value is a pure function of (seed, stream, index), so the
// same seed gives the same data whatever order requests arrive in.

/** A 32-bit hash of a few integers (murmur3's finalizer over a running mix). */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A small seeded generator (mulberry32) with the helpers the generators need. */
export class Random {
  private state: number;

  constructor(...key: number[]) {
    this.state = hash32(...key);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
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

  /** An index drawn with the given relative weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let roll = this.next() * total;
    for (let index = 0; index < weights.length; index++) {
      roll -= weights[index] ?? 0;
      if (roll < 0) return index;
    }
    return weights.length - 1;
  }

  /** A few distinct items, in a stable order. */
  some<T>(items: readonly T[], max: number): T[] {
    const count = this.int(0, max);
    const chosen = new Set<T>();
    for (let attempt = 0; attempt < count * 3 && chosen.size < count; attempt++) {
      chosen.add(this.pick(items));
    }
    return [...chosen];
  }
}

// Stream keys keep the generators independent of each other.
export const STREAM = {
  ticketIndex: 11,
  ticketContent: 12,
  message: 13,
  customer: 14,
  world: 15,
  fault: 16,
  latency: 17,
  drift: 18,
  ids: 19,
} as const;

// An invertible 32-bit permutation: ids look random, stay stable, and decode back to what
// they name without any lookup table.
const MULTIPLIER_A = 0x7feb352d;
const MULTIPLIER_B = 0x846ca68b;
const INVERSE_A = modularInverse(MULTIPLIER_A);
const INVERSE_B = modularInverse(MULTIPLIER_B);

function modularInverse(odd: number): number {
  let inverse = odd;
  for (let step = 0; step < 5; step++) inverse = Math.imul(inverse, 2 - Math.imul(odd, inverse));
  return inverse >>> 0;
}

export function permute32(value: number, key: number): number {
  let x = (value ^ key) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, MULTIPLIER_A) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, MULTIPLIER_B) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

export function unpermute32(value: number, key: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, INVERSE_B) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, INVERSE_A) >>> 0;
  x ^= x >>> 16;
  return (x ^ key) >>> 0;
}

// The key is hashed so that ids of different kinds (keys differing in a few bits) never line up.

/** A Groove-style id: a 10-digit string, leading zeros kept (reference/groove-api.md §5.9). */
export function tenDigitId(value: number, key: number): string {
  return String(permute32(value, hash32(key))).padStart(10, '0');
}

/** The value a tenDigitId was made from, or undefined when the text is not such an id. */
export function parseTenDigitId(text: string, key: number): number | undefined {
  if (!/^\d{10}$/.test(text)) return undefined;
  const id = Number(text);
  if (id > 0xffffffff) return undefined;
  return unpermute32(id, hash32(key));
}
