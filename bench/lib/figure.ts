/** One line of the results table. */
export interface Figure {
  /** What is measured, e.g. "Requests, full read". */
  name: string;
  /** The connector's measurement, with its unit. */
  connector: string;
  /** The baseline(s) measured beside it in the same run, or a dash. */
  baseline: string;
  /** The headline ratio, already formatted (e.g. "1.00"), or a dash. */
  ratio: string;
  /** The target, e.g. ">= 0.95, 0 × 429". */
  target: string;
  verdict: Verdict;
  /** Context: sizes, absolute times, why a figure was not measured. */
  note: string;
}

export type Verdict = 'pass' | 'falls short' | 'context' | 'not measured';

export function notMeasured(name: string, target: string, why: string): Figure {
  return {
    name,
    connector: '-',
    baseline: '-',
    ratio: '-',
    target,
    verdict: 'not measured',
    note: why,
  };
}

/** Turns a failure of one figure into a "not measured" line, so the other figures still run. */
export async function measureOrExplain(
  names: readonly { name: string; target: string }[],
  measure: () => Promise<Figure[]>,
): Promise<Figure[]> {
  try {
    return await measure();
  } catch (error) {
    const why =
      error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return names.map(({ name, target }) => notMeasured(name, target, `not measured: ${why}`));
  }
}
