import { Random } from '../../../src/sandbox/random';

/**
 * The sandbox's seeded generator, remembering its seed so that every scenario of the suite is
 * reproduced exactly by it: the same seed draws the same faults, abort points and inputs.
 */
export class SeededRandom extends Random {
  constructor(readonly seed: number) {
    super(seed);
  }
}

/** The seeds every seeded theme runs: at least 20, fixed so a failure names its seed. */
export const SEEDS: readonly number[] = Array.from({ length: 20 }, (_, index) => 101 + index * 7);
